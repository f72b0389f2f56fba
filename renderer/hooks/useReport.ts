// The report for a period (and optionally a shift), computed by main over the store; read again
// whenever the choice changes. Only the last request's answer is shown.
import { useEffect, useState } from 'react';
import type { Report } from '../../shared/report';
import type { ConsoleApi } from '../api/connection';

export interface ReportChoice {
  days: number;
  shiftKey: string | null;
}

export function useReport(api: ConsoleApi, choice: ReportChoice, nowMs: number) {
  const [state, setState] = useState<{ key: string; report: Report | null; error: string | null } | null>(
    null,
  );
  const key = `${choice.days}:${choice.shiftKey ?? ''}`;
  useEffect(() => {
    let live = true;
    const toMs = nowMs;
    const fromMs = toMs - choice.days * 24 * 3600_000;
    api.invoke('getReport', { fromMs, toMs, ...(choice.shiftKey ? { shiftKey: choice.shiftKey } : {}) }).then(
      (report) => live && setState({ key, report, error: null }),
      (failure: unknown) =>
        live &&
        setState({ key, report: null, error: failure instanceof Error ? failure.message : String(failure) }),
    );
    return () => {
      live = false;
    };
    // nowMs is taken once per choice: the report is of a fixed period, not a moving one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);
  const current = state?.key === key ? state : null;
  return { report: current?.report ?? null, error: current?.error ?? null, loading: current === null };
}
