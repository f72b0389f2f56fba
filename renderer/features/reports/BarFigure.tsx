// One bar chart (recharts) with its numbers beside it as a table; a long series as a line.
import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { FigureTable } from './FigureTable';

/**
 * Past this many points (a quarter's days) the series is drawn as a line: a year's 366 bars are
 * under 2 px wide on a desk screen, and recharts took about 0.5 ms to draw each (130 ms of a year's
 * report, measured 2026-12-02). The table below still lists every point.
 */
export const LINE_AFTER_POINTS = 92;

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
  // A row tall enough for every name, and an axis wide enough for the longest (issue #16): recharts
  // drops labels that collide and cuts what does not fit ("dwana-Kuchaman" for Didwana-Kuchaman).
  const height = horizontal ? Math.max(160, data.length * 26 + 40) : 220;
  const longest = data.reduce((n, d) => Math.max(n, d.label.length), 0);
  const labelWidth = Math.min(280, 16 + Math.ceil(longest * 7.6));
  return (
    <section className="report-figure" data-testid={testId}>
      <h3>{title}</h3>
      <div className="report-chart" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          {!horizontal && data.length > LINE_AFTER_POINTS ? (
            <LineChart data={[...data]} margin={{ left: 0, right: 16 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#3a3f47" />
              {/* A tick every eighth of the series, by count: recharts would otherwise measure every label to choose. */}
              <XAxis dataKey="label" stroke="#b4bac3" interval={Math.ceil(data.length / 8) - 1} />
              <YAxis allowDecimals={false} stroke="#b4bac3" />
              <Tooltip />
              <Line
                dataKey="count"
                stroke="#7cc4ff"
                dot={false}
                strokeWidth={1.5}
                isAnimationActive={false}
              />
            </LineChart>
          ) : horizontal ? (
            <BarChart data={[...data]} layout="vertical" margin={{ left: 24, right: 16 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#3a3f47" />
              <XAxis type="number" allowDecimals={false} stroke="#b4bac3" />
              <YAxis type="category" dataKey="label" width={labelWidth} interval={0} stroke="#b4bac3" />
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
