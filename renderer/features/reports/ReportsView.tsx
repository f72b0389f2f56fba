// What a superintendent and a shift supervisor read to run the room: computed in main over the
// store (never over what this window holds), de-identified, every chart with its figures as a
// table, printable, and the aggregates as CSV. Training flags never count.
import { UnitFiguresTable } from './UnitFiguresTable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportCsv } from '../../../shared/report-csv';
import { istDate } from '../../../shared/time/ist';
import { useApi } from '../../api/api-context';
import { ReportFigures } from './ReportFigures';
import { useReport } from './useReport';
import { useRegistryLoad } from '../registry/registry-in-force';
import { useWindowState } from '../../window-state/use-window-state';
import { selectLanguage, selectSchedule } from '../../window-state/session/selectors';
import { hashFor } from '../../app/view-route';
import { shiftName } from '../../ui/format/shift-clock';
import { ddmmyyyy } from '../../ui/format/dates';
import { DateField } from './DateField';

const PERIODS = [7, 30, 90] as const;
const DAY_MS = 24 * 3600_000;
/** The start of an IST day from a date input's value; null for anything else. */
const istMidnight = (value: string) => {
  const ms = Date.parse(`${value}T00:00:00+05:30`);
  return Number.isFinite(ms) ? ms : null;
};
const lastDays = (n: number) => {
  const toMs = Date.now();
  return { fromMs: toMs - n * DAY_MS, toMs };
};

function downloadCsv(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

export function ReportsView() {
  const api = useApi();
  const { t } = useTranslation();
  const language = useWindowState(selectLanguage);
  const schedule = useWindowState(selectSchedule) ?? [];
  const [shiftKey, setShiftKey] = useState<string | null>(null);
  const [period, setPeriod] = useState(() => lastDays(30));
  const { report, stale, error, loading } = useReport(api, { ...period, shiftKey });
  // Units are named as the registry in force names them (only supervisors and up get here).
  useRegistryLoad(api, true);
  const days = Math.round((period.toMs - period.fromMs) / DAY_MS);

  return (
    <div
      className="reports-view"
      data-testid="reports-view"
      data-loaded={report && !stale ? 'true' : 'false'}
    >
      <div className="reports-toolbar no-print">
        <button type="button" onClick={() => (location.hash = hashFor(location.hash, 'desk'))}>
          {t('reports.back')}
        </button>
        <label>
          <span>{t('reports.range')}</span>
          <select
            value={PERIODS.includes(days as (typeof PERIODS)[number]) ? days : ''}
            onChange={(e) => e.target.value && setPeriod(lastDays(Number(e.target.value)))}
            data-testid="report-days"
          >
            <option value="">—</option>
            {PERIODS.map((n) => (
              <option key={n} value={n}>
                {t('reports.days', { n })}
              </option>
            ))}
          </select>
        </label>
        <DateField
          label={t('reports.from')}
          value={istDate(period.fromMs)}
          testId="report-from"
          onCommit={(date) => {
            const fromMs = istMidnight(date);
            if (fromMs !== null && fromMs < period.toMs) setPeriod({ ...period, fromMs });
          }}
        />
        <DateField
          label={t('reports.to')}
          value={istDate(period.toMs - 1)}
          testId="report-to"
          onCommit={(date) => {
            const day = istMidnight(date);
            if (day !== null && day + DAY_MS > period.fromMs) setPeriod({ ...period, toMs: day + DAY_MS });
          }}
        />
        <label>
          <span>{t('reports.shift')}</span>
          <select
            value={shiftKey ?? ''}
            onChange={(e) => setShiftKey(e.target.value || null)}
            data-testid="report-shift"
          >
            <option value="">{t('reports.allShifts')}</option>
            {schedule.map((s) => (
              <option key={s.key} value={s.key}>
                {shiftName(t, s.key)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={stale} onClick={() => window.print()}>
          {t('reports.print')}
        </button>
        <button
          type="button"
          disabled={!report || stale}
          data-testid="report-csv"
          onClick={() => {
            if (!report || stale) return;
            // Recorded first: an export that cannot be recorded is not made.
            const range = { fromMs: report.fromMs, toMs: report.toMs, ...(shiftKey ? { shiftKey } : {}) };
            api.invoke('recordReportExport', range).then(
              () => downloadCsv(reportCsv(report), `lifeline-report-${days}d.csv`),
              () => {},
            );
          }}
        >
          {t('reports.csv')}
        </button>
      </div>
      <h1>{t('reports.title')}</h1>
      <p className="reports-note">{t('reports.training')}</p>
      {loading && (
        <p data-testid="report-loading">
          {report
            ? t('reports.stale', {
                from: ddmmyyyy(istDate(report.fromMs)),
                to: ddmmyyyy(istDate(report.toMs - 1)),
              })
            : t('reports.loading')}
        </p>
      )}
      {error && (
        <p className="case-error" role="alert">
          {t('reports.failed', { message: error })}
        </p>
      )}
      {report && (
        <div className={stale ? 'reports-grid reports-stale' : 'reports-grid'} aria-busy={stale}>
          <ReportFigures report={report} language={language} />
          <UnitFiguresTable fromMs={report.fromMs} toMs={report.toMs} language={language} />
        </div>
      )}
    </div>
  );
}
