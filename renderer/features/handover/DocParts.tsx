// Building blocks of the printed handover: a titled section, a table with a header that repeats
// on every printed page, and a labelled figure.
import type { ReactNode } from 'react';

export function DocSection({
  title,
  children,
  testId,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section className="doc-section" data-testid={testId}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export interface DocRow {
  key: string;
  cells: ReactNode[];
  className?: string;
  testId?: string;
}

interface TableProps {
  columns: string[];
  rows: DocRow[];
  /** Shown in one row when there is nothing to list: an empty table must not look like a cut one. */
  empty: string;
  /** Columns (by index) that hold figures: right-aligned. */
  numeric?: number[];
  testId?: string;
  className?: string;
}

export function DocTable({ columns, rows, empty, numeric = [], testId, className }: TableProps) {
  const align = (i: number) => (numeric.includes(i) ? 'num' : undefined);
  return (
    <table
      className={`doc-table${className ? ` ${className}` : ''}`}
      data-testid={testId}
      data-rows={rows.length}
    >
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col" className={align(i)}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr className="doc-empty">
            <td colSpan={columns.length}>{empty}</td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={row.key} className={row.className} data-testid={row.testId}>
              {row.cells.map((cell, i) => (
                <td key={i} className={align(i)}>
                  {cell}
                </td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

interface FigureProps {
  label: string;
  value: ReactNode;
  testId?: string;
  /** A breakdown of the figure above it: indented. */
  sub?: boolean;
}

export function Figure({ label, value, testId, sub = false }: FigureProps) {
  return (
    <div className={sub ? 'doc-figure doc-figure--sub' : 'doc-figure'}>
      <span className="doc-figure-label">{label}</span>
      <span className="doc-figure-value" data-testid={testId}>
        {value}
      </span>
    </div>
  );
}
