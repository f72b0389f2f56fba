// What a superintendent and a shift supervisor read to run the room: computed in main over the
// store (never over what this window holds), de-identified, every chart with its figures as a
// table, printable, and the aggregates as CSV. Training flags never count.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTCOMES } from '../../shared/dispatch';
import { districtByKey } from '../../shared/geo/district-names';
import { RISKS } from '../../shared/domain';
import { reportCsv } from '../../shared/report-csv';
import { useApi } from '../api/api-context';
import { AlarmLoadFigures } from '../components/reports/AlarmLoadFigures';
import { BarFigure } from '../components/reports/BarFigure';
import { FigureTable } from '../components/reports/FigureTable';
import { HourHeatmap } from '../components/reports/HourHeatmap';
import { DistrictMap } from '../components/map/DistrictMap';
import { UNPLACED } from '../map/areas';
import { ResponseTable } from '../components/reports/ResponseTable';
import { useReport } from '../hooks/useReport';
import { useAppStore } from '../state/app-store';
import { selectLanguage, selectSchedule } from '../state/session/selectors';
import { hashFor } from '../view-route';
import { formatShare } from '../format/share';
import { shiftNameKey } from '../format/shift-clock';

const PERIODS = [7, 30, 90] as const;
const DAY_MS = 24 * 3600_000;
const IST_MS = 5.5 * 3600_000;
/** The IST calendar day of a moment, as a date input shows it. */
const istDate = (ms: number) => new Date(ms + IST_MS).toISOString().slice(0, 10);
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
  const language = useAppStore(selectLanguage);
  const schedule = useAppStore(selectSchedule) ?? [];
  const [shiftKey, setShiftKey] = useState<string | null>(null);
  const [period, setPeriod] = useState(() => lastDays(30));
  const { report, stale, error, loading } = useReport(api, { ...period, shiftKey });
  const days = Math.round((period.toMs - period.fromMs) / DAY_MS);
  const shiftName = (key: string) => t(shiftNameKey(key), { defaultValue: key });
  const district = (key: string | null) =>
    key === null ? t('reports.unplaced') : (districtByKey(key)?.[language] ?? key);

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
        <label>
          <span>{t('reports.from')}</span>
          <input
            type="date"
            value={istDate(period.fromMs)}
            data-testid="report-from"
            onChange={(e) => {
              const fromMs = istMidnight(e.target.value);
              if (fromMs !== null && fromMs < period.toMs) setPeriod({ ...period, fromMs });
            }}
          />
        </label>
        <label>
          <span>{t('reports.to')}</span>
          <input
            type="date"
            value={istDate(period.toMs - 1)}
            data-testid="report-to"
            onChange={(e) => {
              const day = istMidnight(e.target.value);
              if (day !== null && day + DAY_MS > period.fromMs) setPeriod({ ...period, toMs: day + DAY_MS });
            }}
          />
        </label>
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
                {shiftName(s.key)}
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
            ? t('reports.stale', { from: istDate(report.fromMs), to: istDate(report.toMs - 1) })
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
          <FigureTable
            caption={t('reports.flags')}
            testId="report-totals"
            columns={[t('reports.key'), t('reports.count')]}
            rows={[
              [t('reports.flags'), report.totals.flags],
              [
                t('reports.withdrawn'),
                `${report.totals.withdrawn} (${formatShare(report.totals.withdrawnRate)})`,
              ],
              [t('reports.closed'), report.totals.closed],
              [
                t('reports.falsePositives'),
                `${report.totals.falsePositives} (${formatShare(report.totals.falsePositiveRate)})`,
              ],
              [t('reports.repeats'), `${report.repeats.subjects} (${report.repeats.flags})`],
            ]}
          />
          <BarFigure
            title={t('reports.perDay')}
            testId="report-per-day"
            columns={[t('reports.date'), t('reports.count')]}
            data={report.timeline.daily.map((d) => ({ label: d.date.slice(5), count: d.count }))}
          />
          {report.timeline.hourly.length <= 8 * 24 && (
            <BarFigure
              title={t('reports.perHour')}
              testId="report-per-hour"
              columns={[t('reports.hour'), t('reports.count')]}
              data={report.timeline.hourly.map((h) => ({
                label: `${istDate(h.startMs).slice(5)} ${new Date(h.startMs + IST_MS).getUTCHours()}h`,
                count: h.count,
              }))}
            />
          )}
          <HourHeatmap matrix={report.timeline.hourByWeekday} />
          <BarFigure
            title={t('reports.byRisk')}
            testId="report-by-risk"
            columns={[t('reports.key'), t('reports.count')]}
            data={RISKS.map((r) => ({ label: t(`risk.${r}`), count: report.byRisk[r] }))}
          />
          <section className="report-figure report-map" data-testid="report-map">
            <h3>{t('reports.byDistrict')}</h3>
            <DistrictMap
              counts={Object.fromEntries(report.byArea.map((a) => [a.key ?? UNPLACED, a.count]))}
              language={language}
              variant="desk"
            />
          </section>
          <BarFigure
            horizontal
            title={t('reports.byDistrict')}
            testId="report-by-district"
            columns={[t('reports.key'), t('reports.count')]}
            data={report.byDistrict.map((d) => ({ label: district(d.key), count: d.count }))}
          />
          <BarFigure
            title={t('reports.byPlatform')}
            testId="report-by-platform"
            columns={[t('reports.key'), t('reports.count')]}
            data={report.byPlatform.map((d) => ({ label: d.key ?? t('reports.unknown'), count: d.count }))}
          />
          <BarFigure
            horizontal
            title={t('reports.outcomes')}
            testId="report-outcomes"
            columns={[t('reports.key'), t('reports.count')]}
            data={OUTCOMES.map((o) => ({ label: t(`dispatch.outcomes.${o}`), count: report.outcomes[o] }))}
          />
          <ResponseTable
            title={t('reports.response')}
            testId="report-response"
            groups={RISKS.map((r) => ({ label: t(`risk.${r}`), stages: report.response.byRisk[r] }))}
          />
          <ResponseTable
            title={t('reports.byShift')}
            testId="report-by-shift"
            groups={report.response.byShift.map((s) => ({ label: shiftName(s.shiftKey), stages: s.stages }))}
          />
          <ResponseTable
            title={t('reports.byOperator')}
            testId="report-by-operator"
            groups={report.response.byOperator.map((o) => ({ label: o.operator, stages: o.stages }))}
          />
          <FigureTable
            caption={t('reports.breaches', { total: report.response.breaches.total })}
            testId="report-breaches"
            columns={[t('reports.key'), t('reports.stage'), t('reports.median'), t('reports.target')]}
            rows={report.response.breaches.items.map((b) => [
              b.caseNo,
              t(`timers.stages.${b.stage}`),
              `${Math.round(b.elapsedMs / 60_000)} min`,
              `${Math.round(b.targetMs / 60_000)} min`,
            ])}
          />
          <AlarmLoadFigures load={report.alarmLoad} language={language} />
        </div>
      )}
    </div>
  );
}
