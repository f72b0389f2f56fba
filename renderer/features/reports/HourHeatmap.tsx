// Flags by hour of day × weekday (IST): a table whose cells are shaded by count, so it is its own
// figure table too.
import { useTranslation } from 'react-i18next';
import type { Report } from '../../../shared/report';

export function HourHeatmap({ matrix }: { matrix: Report['timeline']['hourByWeekday'] }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...matrix.flat());
  return (
    <section className="report-figure" data-testid="report-heatmap">
      <h3>{t('reports.heatmap')}</h3>
      <table className="heatmap">
        <thead>
          <tr>
            <th />
            {Array.from({ length: 24 }, (_, h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.map((hours, day) => (
            <tr key={day}>
              <th scope="row">{t(`reports.weekdays.w${day}`)}</th>
              {hours.map((n, h) => (
                <td
                  key={h}
                  style={{ background: n ? `rgba(124, 196, 255, ${0.15 + (0.85 * n) / max})` : undefined }}
                >
                  {n || ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
