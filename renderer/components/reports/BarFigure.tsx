// One bar chart (recharts) with its numbers beside it as a table.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { FigureTable } from './FigureTable';

export interface BarDatum {
  label: string;
  count: number;
}

export function BarFigure({
  title,
  data,
  columns,
  testId,
  horizontal = false,
}: {
  title: string;
  data: readonly BarDatum[];
  columns: readonly [string, string];
  testId: string;
  horizontal?: boolean;
}) {
  const height = horizontal ? Math.max(160, data.length * 22 + 40) : 220;
  return (
    <section className="report-figure" data-testid={testId}>
      <h3>{title}</h3>
      <div className="report-chart" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          {horizontal ? (
            <BarChart data={[...data]} layout="vertical" margin={{ left: 24, right: 16 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#3a3f47" />
              <XAxis type="number" allowDecimals={false} stroke="#b4bac3" />
              <YAxis type="category" dataKey="label" width={120} stroke="#b4bac3" />
              <Tooltip />
              <Bar dataKey="count" fill="#7cc4ff" isAnimationActive={false} />
            </BarChart>
          ) : (
            <BarChart data={[...data]} margin={{ left: 0, right: 16 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#3a3f47" />
              <XAxis dataKey="label" stroke="#b4bac3" />
              <YAxis allowDecimals={false} stroke="#b4bac3" />
              <Tooltip />
              <Bar dataKey="count" fill="#7cc4ff" isAnimationActive={false} />
            </BarChart>
          )}
        </ResponsiveContainer>
      </div>
      <FigureTable
        caption={title}
        columns={columns}
        rows={data.map((d) => [d.label, d.count])}
        testId={`${testId}-table`}
      />
    </section>
  );
}
