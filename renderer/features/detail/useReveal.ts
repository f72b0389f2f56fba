// Need-to-know on the desk: a flag's identity and content are fetched only when the operator asks,
// with a reason (main records it), and forgotten when the selection moves to another flag.
import { useCallback, useState } from 'react';
import type { PersonalDetail } from '../../../shared/domain';
import type { ConsoleApi } from '../../api/connection';
import { failureText } from '../../i18n/failure-text';

export interface Reveal {
  personal: PersonalDetail | null;
  pending: boolean;
  error: string | null;
  reveal(operator: string, reason: string): void;
  hide(): void;
}

export function useReveal(api: ConsoleApi, id: string | null): Reveal {
  const [state, setState] = useState<{
    id: string | null;
    personal: PersonalDetail | null;
    error: string | null;
  }>({ id: null, personal: null, error: null });
  const [pendingId, setPendingId] = useState<string | null>(null);
  const reveal = useCallback(
    (operator: string, reason: string) => {
      if (id === null) return;
      setPendingId(id);
      api.invoke('revealFlag', { id, operator, reason }).then(
        (personal) => {
          setState({ id, personal, error: null });
          setPendingId(null);
        },
        (failure: unknown) => {
          setState({
            id,
            personal: null,
            error: failureText(failure),
          });
          setPendingId(null);
        },
      );
    },
    [api, id],
  );
  const hide = useCallback(() => setState({ id: null, personal: null, error: null }), []);
  // Another flag selected: nothing of the last one stays on screen.
  const mine = state.id === id;
  return {
    personal: mine && state.personal?.id === id ? state.personal : null,
    pending: pendingId !== null && pendingId === id,
    error: mine ? state.error : null,
    reveal,
    hide,
  };
}
