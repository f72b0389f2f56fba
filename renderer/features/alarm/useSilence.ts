// The desk's silence of the audible alarm: asks main (which decides and may refuse) and stores the
// AlarmState it answers with.
import { useCallback, useState } from 'react';
import type { ConsoleApi } from '../../api/connection';
import type { WindowActions } from '../../window-state/window-state';
import { failureText } from '../../i18n/failure-text';

export interface SilenceError {
  /** The error kind from main: 'conflict' while an unacknowledged imminent flag exists. */
  kind: string;
  message: string;
}

export interface SilenceControl {
  formOpen: boolean;
  pending: boolean;
  error: SilenceError | null;
  openForm(open: boolean): void;
  silence(operator: string, reason: string, minutes: number): void;
  cancel(operator: string): void;
}

export function errorOf(failure: unknown): SilenceError {
  const kind =
    typeof failure === 'object' && failure !== null && 'kind' in failure ? String(failure.kind) : 'unknown';
  return { kind, message: failureText(failure) };
}

export function useSilence(api: ConsoleApi, actions: WindowActions): SilenceControl {
  const [formOpen, setFormOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<SilenceError | null>(null);

  const openForm = useCallback((open: boolean) => {
    setFormOpen(open);
    setError(null);
  }, []);

  const silence = useCallback(
    (operator: string, reason: string, minutes: number) => {
      setPending(true);
      setError(null);
      api.invoke('silenceAlarm', { operator: operator.trim(), reason: reason.trim(), minutes }).then(
        (alarm) => {
          actions.alarm.setAlarm(alarm);
          setPending(false);
          setFormOpen(false);
        },
        (failure: unknown) => {
          setError(errorOf(failure));
          setPending(false);
        },
      );
    },
    [api, actions],
  );

  const cancel = useCallback(
    (operator: string) => {
      setPending(true);
      setError(null);
      api.invoke('cancelSilence', { operator: operator.trim() }).then(
        (alarm) => {
          actions.alarm.setAlarm(alarm);
          setPending(false);
        },
        (failure: unknown) => {
          setError(errorOf(failure));
          setPending(false);
        },
      );
    },
    [api, actions],
  );

  return { formOpen, pending, error, openForm, silence, cancel };
}
