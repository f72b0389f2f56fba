// The desk's quarantine list: fetched when the panel opens, again whenever the count changes while
// it is open. Opening it (or watching it grow) is what clears the "new" mark on the strip.
import { useCallback, useEffect, useState } from 'react';
import type { QuarantinedRecord } from '../../../shared/domain';
import type { ConsoleApi } from '../../api/connection';
import type { WindowActions } from '../../window-state/window-state';
import { failureText } from '../../i18n/failure-text';

export const QUARANTINE_LIMIT = 200;

export interface QuarantineView {
  open: boolean;
  records: QuarantinedRecord[] | null;
  error: string | null;
  setOpen(open: boolean): void;
}

interface Loaded {
  key: string;
  records: QuarantinedRecord[] | null;
  error: string | null;
}

export function useQuarantine(api: ConsoleApi, actions: WindowActions, total: number | null): QuarantineView {
  const [open, setOpenState] = useState(false);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const key = String(total);

  useEffect(() => {
    if (!open) return;
    actions.feed.markQuarantineSeen();
    let live = true;
    api.invoke('listQuarantine', { limit: QUARANTINE_LIMIT }).then(
      (records) => live && setLoaded({ key, records, error: null }),
      (failure: unknown) =>
        live &&
        setLoaded({
          key,
          records: null,
          error: failureText(failure),
        }),
    );
    return () => {
      live = false;
    };
  }, [api, actions, open, key]);

  const setOpen = useCallback((next: boolean) => setOpenState(next), []);
  // While a newer list loads, the last one stays on screen.
  return {
    open,
    records: loaded?.records ?? null,
    error: loaded?.key === key ? loaded.error : null,
    setOpen,
  };
}
