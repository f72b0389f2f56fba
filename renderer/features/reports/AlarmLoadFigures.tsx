// The report's alarm load: the room's figures as a table, and alarms per 10 minutes per operator
// for each shift against ISA-18.2's two benchmark lines, with every shift's numbers as a table.
// A shift without an operator on the roster has no rate (it is not a zero): those are counted on
// one line of the table, with their alarms.
import { dayMonth } from '../../ui/format/dates';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ALARM_RATE_ACCEPTABLE, ALARM_RATE_MANAGEABLE, type Report } from '../../../shared/report';
import { formatMinutes } from '../../ui/format/elapsed';
import { formatIstMinute } from '../../ui/format/ist';
import type { Language } from '../../window-state/session/initial-state';
import { FigureTable } from './FigureTable';
import { formatShare } from '../../ui/format/share';
import { shiftName } from '../../ui/format/shift-clock';

/** Two decimals; a few alarms over weeks reads "< 0.01", not as none. */
const rate = (value: number | null) =>
  value === null ? '—' : value > 0 && value < 0.005 ? '< 0.01' : value.toFixed(2);

const barColour = (value: number) =>
  value > ALARM_RATE_MANAGEABLE ? '#ff8a80' : value > ALARM_RATE_ACCEPTABLE ? '#ffd166' : '#7cc4ff';

export function AlarmLoadFigures({ load, language }: { load: Report['alarmLoad']; language: Language }) {
  const { t } = useTranslation();
  const { perOperator } = load;
  /** `2026-11-23:night` → `23 Nov night`: the shift's IST start date (day first) and its name. */
  const shiftLabel = (shiftId: string) =>
    `${dayMonth(shiftId.slice(0, 10), language)} ${shiftName(t, shiftId.slice(11))}`;
  // Shifts nobody was rostered for have no rate: one line says how many, rather than a row each.
  const rostered = perOperator.shifts.filter((s) => s.per10Min !== null);
  const unrostered = perOperator.shifts.filter((s) => s.per10Min === null);
  const data = rostered.map((s) => ({ label: shiftLabel(s.shiftId), value: s.per10Min ?? 0 }));
  // The mean over a month hides a flood: the peak slot and the worst shift are read beside it.
  const worst = load.worstShift;
  const peaks: [string, string | number][] = [
    [
      t('reports.peak10'),
      load.peak10Min ? `${load.peak10Min.count} (${formatIstMinute(load.peak10Min.startMs, language)})` : '—',
    ],
    [
      t('reports.worstShift'),
      worst
        ? t('reports.worstShiftValue', { shift: shiftLabel(worst.shiftId), count: worst.alarms })
        : t('reports.noAlarms'),
    ],
    [t('reports.worstShiftRate'), worst ? rate(worst.per10Min) : '—'],
    [t('reports.worstShiftFlood'), worst ? formatShare(worst.floodShare) : '—'],
  ];
  const top = Math.max(ALARM_RATE_MANAGEABLE + 0.5, ...data.map((d) => d.value));
  return (
    <>
      <FigureTable
        caption={t('reports.alarmLoad')}
        testId="report-alarm-load"
        columns={[t('reports.key'), t('reports.count')]}
        rows={[
          [t('reports.alarmsPer10Mean'), rate(load.per10Min)],
          ...peaks,
          [
            t('reports.alarmsPerOperator'),
            perOperator.per10Min === null ? `— (${t('reports.notRostered')})` : rate(perOperator.per10Min),
          ],
          [
            t('reports.rostered'),
            formatShare(load.windowMs === 0 ? null : perOperator.rosteredMs / load.windowMs),
          ],
          [t('reports.floodShare'), formatShare(load.floodShare)],
          [t('reports.silences'), load.silences.count],
          [t('reports.uptime'), formatShare(load.feed.uptimeShare)],
          [t('reports.outages'), load.feed.outages.length],
        ]}
      />
      <section className="report-figure" data-testid="report-shift-load">
        <h3>{t('reports.shiftLoad')}</h3>
        {data.length === 0 ? (
          <p className="reports-note" data-testid="report-shift-load-none">
            {t('reports.noRoster')}
          </p>
        ) : (
          <div className="report-chart" style={{ height: 220 }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={data} margin={{ left: 0, right: 96 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="#3a3f47" />
                <XAxis dataKey="label" stroke="#b4bac3" />
                <YAxis
                  domain={[0, Math.ceil(top)]}
                  ticks={Array.from({ length: Math.ceil(top) + 1 }, (_, i) => i)}
                  stroke="#b4bac3"
                />
                <Tooltip />
                <ReferenceLine
                  y={ALARM_RATE_ACCEPTABLE}
                  stroke="#ffd166"
                  strokeDasharray="4 4"
                  label={{ value: t('reports.acceptable'), fill: '#ffd166', position: 'right' }}
                />
                <ReferenceLine
                  y={ALARM_RATE_MANAGEABLE}
                  stroke="#ff8a80"
                  strokeDasharray="4 4"
                  label={{ value: t('reports.manageable'), fill: '#ff8a80', position: 'right' }}
                />
                <Bar dataKey="value" maxBarSize={48} isAnimationActive={false}>
                  {data.map((d) => (
                    <Cell key={d.label} fill={barColour(d.value)} />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
        )}
        <FigureTable
          caption={t('reports.shiftLoad')}
          testId="report-shift-load-table"
          columns={[
            t('reports.shift'),
            t('reports.length'),
            t('reports.operators'),
            t('reports.alarms'),
            t('reports.alarmsPerOperator'),
          ]}
          rows={[
            // The length says when a rate is of a shift's first or last minutes only.
            ...rostered.map((s) => [
              shiftLabel(s.shiftId),
              formatMinutes(t, s.windowMs),
              s.operators,
              s.alarms,
              rate(s.per10Min),
            ]),
            ...(unrostered.length === 0
              ? []
              : [
                  [
                    t('reports.unrosteredShifts', { count: unrostered.length }),
                    formatMinutes(
                      t,
                      unrostered.reduce((ms, s) => ms + s.windowMs, 0),
                    ),
                    '—',
                    unrostered.reduce((n, s) => n + s.alarms, 0),
                    '—',
                  ],
                ]),
          ]}
        />
      </section>
      <FigureTable
        caption={t('reports.silenceList', { count: load.silences.count, shown: load.silences.items.length })}
        testId="report-silences"
        columns={[t('reports.at'), t('reports.by'), t('reports.minutes'), t('reports.reason')]}
        rows={load.silences.items.map((s) => [
          formatIstMinute(s.atMs, language),
          s.by ?? '—',
          s.minutes,
          s.reason,
        ])}
      />
      <FigureTable
        caption={t('reports.outageList', { count: load.feed.outages.length })}
        testId="report-outages"
        columns={[t('reports.at'), t('reports.length'), t('reports.state')]}
        rows={load.feed.outages.map((o) => [
          formatIstMinute(o.startMs, language),
          `${formatMinutes(t, o.lengthMs)}${o.endMs === null ? ` (${t('reports.ongoing')})` : ''}`,
          o.state ? t(`feed.state.${o.state}`, { defaultValue: o.state }) : '—',
        ])}
      />
    </>
  );
}
