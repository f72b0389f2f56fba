import type { ReactNode } from 'react';

/** A record value from the feed as text; anything that is not a plain scalar is not shown. */
export function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return null;
}

interface FieldProps {
  label: string;
  value: ReactNode;
  className?: string;
  testId?: string;
}

export function Field({ label, value, className, testId }: FieldProps) {
  const empty = value === null || value === undefined || value === '';
  return (
    <div className={`field${className ? ` ${className}` : ''}`} data-testid={testId}>
      <dt>{label}</dt>
      <dd className={empty ? 'missing' : undefined}>{empty ? '—' : value}</dd>
    </div>
  );
}

export function FieldGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="field-group">
      <h3>{title}</h3>
      <dl>{children}</dl>
    </section>
  );
}
