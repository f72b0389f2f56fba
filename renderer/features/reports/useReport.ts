// The report for a period (and optionally a shift), computed by main over the store; read again
// whenever the choice changes. Only the last request's answer is shown. While the next one is
// computed, the last report shown stays on screen, marked as not the one asked for (`stale`): the
// page does not go blank at every choice, and its charts are updated in place rather than drawn
// anew (recharts' mount was most of the view's time). An error drops it: no figures are left up
// that could be read as the answer.
import { useEffect, useState } from 'react';
import type { Report } from '../../../shared/report';
import type { ConsoleApi } from '../../api/connection';
import { failureText } from '../../i18n/failure-text';

export interface ReportChoice {
  fromMs: number;
  toMs: number;
  shiftKey: string | null;
}

interface Answer {
  key: string;
  report: Report | null;
  error: string | null;
}

export function useReport(api: ConsoleApi, choice: ReportChoice) {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const key = `${choice.fromMs}:${choice.toMs}:${choice.shiftKey ?? ''}`;
  useEffect(() => {
    let live = true;
    const { fromMs, toMs, shiftKey } = choice;
    api.invoke('getReport', { fromMs, toMs, ...(shiftKey ? { shiftKey } : {}) }).then(
      (report) => live && setAnswer({ key, report, error: null }),
      (failure: unknown) => live && setAnswer({ key, report: null, error: failureText(failure) }),
    );
    return () => {
      live = false;
    };
    // The key names the choice: a new object with the same period asks nothing again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);
  const current = answer?.key === key;
  return {
    /** The report asked for, or while it is computed the last one shown (then `stale`). */
    report: answer?.report ?? null,
    stale: !current && answer?.report != null,
    error: current ? answer.error : null,
    loading: !current,
  };
}
