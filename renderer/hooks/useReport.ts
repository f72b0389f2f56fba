// The report for a period (and optionally a shift), computed by main over the store; read again
// whenever the choice changes. Only the last request's answer is shown.
import { useEffect, useState } from 'react';
import type { Report } from '../../shared/report';
import type { ConsoleApi } from '../api/connection';

export interface ReportChoice {
  fromMs: number;
  toMs: number;
  shiftKey: string | null;
}

export function useReport(api: ConsoleApi, choice: ReportChoice) {
  const [state, setState] = useState<{ key: string; report: Report | null; error: string | null } | null>(
    null,
  );
  const key = `${choice.fromMs}:${choice.toMs}:${choice.shiftKey ?? ''}`;
  useEffect(() => {
    let live = true;
    const { fromMs, toMs, shiftKey } = choice;
    api.invoke('getReport', { fromMs, toMs, ...(shiftKey ? { shiftKey } : {}) }).then(
      (report) => live && setState({ key, report, error: null }),
      (failure: unknown) =>
        live &&
        setState({ key, report: null, error: failure instanceof Error ? failure.message : String(failure) }),
    );
    return () => {
      live = false;
    };
    // The key names the choice: a new object with the same period asks nothing again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);
  const current = state?.key === key ? state : null;
  return { report: current?.report ?? null, error: current?.error ?? null, loading: current === null };
}
