// Fetches the selected flag's detail, again whenever its revision or state changes (an
// acknowledgement adds to its history).
import { useEffect, useState } from 'react';
import type { FlagDetail } from '../../../shared/domain';
import type { ConsoleApi } from '../../api/connection';
import { failureText } from '../../i18n/failure-text';

export interface DetailResult {
  detail: FlagDetail | null;
  loading: boolean;
  error: string | null;
}

interface Loaded {
  key: string;
  detail: FlagDetail | null;
  error: string | null;
}

export function useFlagDetail(api: ConsoleApi, id: string | null, version: string): DetailResult {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const key = `${id}@${version}`;

  useEffect(() => {
    if (id === null) return;
    let live = true;
    api.invoke('getFlagDetail', { id }).then(
      (detail) => live && setLoaded({ key, detail, error: null }),
      (error: unknown) => live && setLoaded({ key, detail: null, error: failureText(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, id, key]);

  if (id === null) return { detail: null, loading: false, error: null };
  // While a newer version loads, keep showing the same flag's last detail rather than a blank panel.
  const sameFlag = loaded?.detail?.id === id ? loaded.detail : null;
  if (loaded?.key !== key) return { detail: sameFlag, loading: true, error: null };
  return { detail: loaded.detail, loading: false, error: loaded.error };
}
