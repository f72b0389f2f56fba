// A shift's handover from main: the signed record if there is one, else the summary as it stands
// now (refreshed each minute while unsigned). Signing and receiving go to main, which decides and
// may refuse (too early, same supervisor twice…); its message is shown as it comes.
import { useCallback, useEffect, useState } from 'react';
import type { InvokeResponse } from '../../../shared/contract';
import type { RosterEntry } from '../../../shared/shifts/schedule';
import type { ConsoleApi } from '../../api/connection';
import { useWindowState } from '../../window-state/use-window-state';
import { selectConnection } from '../../window-state/feed/selectors';
import { failureText } from '../../i18n/failure-text';

export type HandoverData = InvokeResponse<'getHandover'>;
const REFRESH_MS = 60_000;

export interface HandoverControl {
  data: HandoverData | null;
  loadError: string | null;
  pending: 'sign' | 'receive' | 'roster' | null;
  actionError: string | null;
  sign(supervisor: string, notes: string): void;
  receive(supervisor: string): void;
  saveRoster(entries: RosterEntry[]): void;
}

const messageOf = (failure: unknown) => failureText(failure);

interface Loaded {
  key: string;
  data: HandoverData | null;
  error: string | null;
}

export function useHandover(api: ConsoleApi, shiftId: string | null): HandoverControl {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [version, setVersion] = useState(0);
  const [pending, setPending] = useState<HandoverControl['pending']>(null);
  const [actionError, setActionError] = useState<{ shiftId: string | null; message: string } | null>(null);
  const key = `${shiftId ?? 'current'}#${version}`;
  const signed = loaded?.data?.record != null;
  // "The current shift" is pinned to the shift first shown: a refresh after the change must not
  // swap the document (and the notes being typed) for the next shift's.
  const requested = shiftId ?? loaded?.data?.shiftId ?? null;
  // Asked only over a live link, and again when it comes back: a page opened (or reloaded) on the
  // handover asks before the socket is up, and a lost link must not leave a stale error on screen.
  const connected = useWindowState(selectConnection) === 'connected';

  useEffect(() => {
    if (!connected) return;
    let live = true;
    api.invoke('getHandover', requested === null ? {} : { shiftId: requested }).then(
      (data) => live && setLoaded({ key, data, error: null }),
      (failure: unknown) =>
        live && setLoaded((prev) => ({ key, data: prev?.data ?? null, error: messageOf(failure) })),
    );
    return () => {
      live = false;
    };
  }, [api, requested, key, connected]);

  useEffect(() => {
    if (signed) return;
    const timer = setInterval(() => setVersion((v) => v + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, [signed, shiftId]);

  const act = useCallback(
    (kind: NonNullable<HandoverControl['pending']>, call: () => Promise<unknown>) => {
      setPending(kind);
      setActionError(null);
      call().then(
        () => {
          setPending(null);
          setVersion((v) => v + 1);
        },
        (failure: unknown) => {
          setPending(null);
          setActionError({ shiftId, message: messageOf(failure) });
        },
      );
    },
    [shiftId],
  );

  const target = loaded?.data?.shiftId ?? null;
  const sign = useCallback(
    (supervisor: string, notes: string) => {
      if (target === null) return;
      act('sign', () =>
        api.invoke('signHandover', { shiftId: target, supervisor: supervisor.trim(), notes }),
      );
    },
    [act, api, target],
  );
  const receive = useCallback(
    (supervisor: string) => {
      if (target === null) return;
      act('receive', () => api.invoke('receiveHandover', { shiftId: target, supervisor: supervisor.trim() }));
    },
    [act, api, target],
  );

  const saveRoster = useCallback(
    (entries: RosterEntry[]) => {
      if (target === null) return;
      act('roster', () => api.invoke('setRoster', { shiftId: target, entries }));
    },
    [act, api, target],
  );

  // Another shift's answer is never shown as this one's.
  const shown = loaded && (shiftId === null || loaded.data?.shiftId === shiftId) ? loaded : null;
  return {
    data: shown?.data ?? null,
    loadError: loaded?.key === key ? loaded.error : null,
    pending,
    actionError: actionError && actionError.shiftId === shiftId ? actionError.message : null,
    sign,
    receive,
    saveRoster,
  };
}
