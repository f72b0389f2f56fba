// The report's figures, each chart with its table. Memoised: while the next report is computed the
// view re-renders with this one kept (useReport's `stale`), and redrawing a year's charts then
// delayed the very request for the next one by about 130 ms.
import { dayMonth, ddmmyyyy } from '../../ui/format/dates';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTCOMES } from '../../../shared/dispatch';
import { RISKS } from '../../../shared/domain';
import { districtByKey } from '../../../shared/geo/district-names';
import type { Report } from '../../../shared/report';
import { HOUR_MS, IST_OFFSET_MS, istDate } from '../../../shared/time/ist';
import { formatShare } from '../../ui/format/share';
import { shiftName } from '../../ui/format/shift-clock';
import { UNPLACED } from '../../window-state/queue/areas';
import type { Language } from '../../window-state/session/initial-state';
import { DistrictMap } from '../map/DistrictMap';
import { AlarmLoadFigures } from './AlarmLoadFigures';
import { BarFigure } from './BarFigure';
import { FigureTable } from './FigureTable';
import { HourHeatmap } from './HourHeatmap';
import { ResponseTable } from './ResponseTable';
import { byUnitsInForce } from '../../../shared/routing/unit-history';
import { useRegistryInForce } from '../registry/registry-in-force';

export const ReportFigures = memo(function ReportFigures({
  report,
  language,
}: {
  report: Report;
  language: Language;
}) {
  const { t } = useTranslation();
  const registry = useRegistryInForce();
  const unit = (key: string | null) =>
    key === null ? t('reports.noUnit') : (registry.units.find((u) => u.id === key)?.[language] ?? key);
  const district = (key: string | null) =>
    key === null ? t('reports.unplaced') : (districtByKey(key)?.[language] ?? key);
  // Within one calendar year the month's name is enough ('07 Nov'); across years, the full DD-MM-YYYY.
  const daily = report.timeline.daily;
  const oneYear = daily.length === 0 || daily[0]!.date.slice(0, 4) === daily.at(-1)!.date.slice(0, 4);
  const dayLabel = (date: string) => (oneYear ? dayMonth(date, language) : ddmmyyyy(date));
  return (
    <>
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
        data={report.timeline.daily.map((d) => ({ label: dayLabel(d.date), count: d.count }))}
      />
      {report.timeline.hourly.counts.length <= 8 * 24 && (
        <BarFigure
          title={t('reports.perHour')}
          testId="report-per-hour"
          columns={[t('reports.hour'), t('reports.count')]}
          data={report.timeline.hourly.counts.map((count, i) => {
            const startMs = report.timeline.hourly.startMs + i * HOUR_MS;
            return {
              label: `${dayMonth(istDate(startMs), language)} ${t('time.hourOfDay', { h: String(new Date(startMs + IST_OFFSET_MS).getUTCHours()) })}`,
              count,
            };
          })}
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
        horizontal
        title={t('reports.byUnit')}
        testId="report-by-unit"
        columns={[t('reports.key'), t('reports.count')]}
        data={report.byUnit.map((u) => ({ label: unit(u.key), count: u.count }))}
      />
      <BarFigure
        horizontal
        title={t('reports.byUnitToday')}
        testId="report-by-unit-today"
        columns={[t('reports.key'), t('reports.count')]}
        data={byUnitsInForce(registry, report.byUnit).map((u) => ({
          label:
            u.from.length === 0
              ? unit(u.key)
              : `${unit(u.key)} (${t('reports.withRetired', { units: u.from.map(unit).join(', ') })})`,
          count: u.count,
        }))}
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
        groups={report.response.byShift.map((s) => ({ label: shiftName(t, s.shiftKey), stages: s.stages }))}
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
          t('time.minutesOnly', { m: String(Math.round(b.elapsedMs / 60_000)) }),
          t('time.minutesOnly', { m: String(Math.round(b.targetMs / 60_000)) }),
        ])}
      />
      <AlarmLoadFigures load={report.alarmLoad} language={language} />
    </>
  );
});
