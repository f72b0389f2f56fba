// Median and p90 of each stage against its target, per group (risk, shift or operator).
import { useTranslation } from 'react-i18next';
import type { StagesStats } from '../../../shared/report';
import { TIMER_STAGES } from '../../../shared/timers';
import { FigureTable } from './FigureTable';

type Translate = (key: string, values: Record<string, string>) => string;

/** Seconds under a minute, minutes under two hours, hours beyond (a close target reads "24 h"). */
const minutes = (t: Translate, ms: number | null) =>
  ms === null
    ? '—'
    : ms < 60_000
      ? t('time.seconds', { s: String(Math.round(ms / 1000)) })
      : ms < 2 * 3600_000
        ? t('time.minutesOnly', { m: (ms / 60_000).toFixed(1) })
        : t('time.hoursOnly', { h: String(Number((ms / 3600_000).toFixed(1))) });

export function ResponseTable({
  title,
  groups,
  testId,
}: {
  title: string;
  groups: readonly { label: string; stages: StagesStats }[];
  testId: string;
}) {
  const { t } = useTranslation();
  const rows = groups.flatMap((g) =>
    TIMER_STAGES.map((stage) => {
      const s = g.stages[stage];
      return [
        `${g.label} · ${t(`timers.stages.${stage}`)}`,
        s.count,
        minutes(t, s.medianMs),
        minutes(t, s.p90Ms),
        minutes(t, s.targetMs),
        s.breached,
      ] as const;
    }),
  );
  return (
    <FigureTable
      caption={title}
      testId={testId}
      columns={[
        t('reports.key'),
        t('reports.done'),
        t('reports.median'),
        t('reports.p90'),
        t('reports.target'),
        t('reports.breached'),
      ]}
      rows={rows}
    />
  );
}
