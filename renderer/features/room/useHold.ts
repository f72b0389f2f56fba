// The desk holds the flag its operator opens, and lets it go when another is opened or the desk
// closes it; a takeover is the operator's explicit act. Holding is only for those who work flags
// (the core says no to the others, and to a flag another desk holds: the hold bar shows who).
import { useCallback, useEffect, useState } from 'react';
import type { ConsoleApi } from '../../api/connection';

const WORKS_FLAGS = new Set(['operator', 'supervisor', 'administrator']);

export function useHold(api: ConsoleApi, selectedId: string | null, role: string | null) {
  const [pending, setPending] = useState(false);
  // Kept with the flag it is about: opening another flag shows no stale refusal.
  const [error, setError] = useState<{ id: string; message: string } | null>(null);
  const works = role !== null && WORKS_FLAGS.has(role);

  useEffect(() => {
    if (!selectedId || !works) return;
    // Refusals are answers here (held elsewhere: the bar shows who); a lost link resyncs the queue.
    api.invoke('holdFlag', { id: selectedId }).catch(() => undefined);
    return () => {
      api.invoke('releaseFlag', { id: selectedId }).catch(() => undefined);
    };
  }, [api, selectedId, works]);

  const takeOver = useCallback(
    (id: string) => {
      setPending(true);
      setError(null);
      api
        .invoke('takeOverFlag', { id })
        .catch((e: unknown) => setError({ id, message: e instanceof Error ? e.message : String(e) }))
        .finally(() => setPending(false));
    },
    [api],
  );
  return { pending, error: error && error.id === selectedId ? error.message : null, takeOver };
}
