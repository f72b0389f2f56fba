// The supervisor records who is on which desk before signing: checked here with the same schema
// main applies (shared/shifts/schedule.ts), so the message names the row and the rule at once.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rosterSchema, type RosterEntry } from '../../../shared/shifts/schedule';
import { zodFailureText } from '../../i18n/failure-text';

interface Props {
  entries: readonly RosterEntry[];
  pending: boolean;
  onSave(entries: RosterEntry[]): void;
}

const blank = (n: number): RosterEntry => ({ desk: `Desk ${n}`, operator: '', supervisor: n === 1 });

export function RosterEditor({ entries, pending, onSave }: Props) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<RosterEntry[]>(() => (entries.length ? [...entries] : [blank(1)]));
  const [problem, setProblem] = useState<string | null>(null);
  const update = (index: number, change: Partial<RosterEntry>) =>
    setRows((all) =>
      all.map((row, i) =>
        i === index ? { ...row, ...change } : change.supervisor ? { ...row, supervisor: false } : row,
      ),
    );
  const save = () => {
    const parsed = rosterSchema.safeParse(rows);
    if (!parsed.success) return setProblem(zodFailureText(parsed.error));
    setProblem(null);
    onSave(parsed.data);
  };
  return (
    <form
      className="doc-form roster-editor no-print"
      data-testid="roster-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (!pending) save();
      }}
    >
      <h3>{t('handover.ui.rosterTitle')}</h3>
      {rows.length > 0 && (
        // Visible column labels: the inputs' own labels (aria-label) are not seen by sighted users.
        <div className="roster-row roster-head" aria-hidden="true">
          <span>{t('handover.doc.desk')}</span>
          <span>{t('handover.doc.name')}</span>
        </div>
      )}
      {rows.map((row, i) => (
        <div className="roster-row" key={i}>
          <input
            aria-label={t('handover.doc.desk')}
            value={row.desk}
            maxLength={32}
            data-testid="roster-desk"
            onChange={(e) => update(i, { desk: e.target.value })}
          />
          <input
            aria-label={t('handover.doc.name')}
            value={row.operator}
            maxLength={64}
            autoComplete="off"
            data-testid="roster-operator"
            onChange={(e) => update(i, { operator: e.target.value })}
          />
          <label>
            <input
              type="radio"
              name="roster-supervisor"
              checked={row.supervisor}
              data-testid="roster-supervisor"
              onChange={() => update(i, { supervisor: true })}
            />
            {t('handover.ui.rosterSupervisor')}
          </label>
          <button type="button" onClick={() => setRows((all) => all.filter((_, j) => j !== i))}>
            {t('handover.ui.rosterRemove')}
          </button>
        </div>
      ))}
      <div className="roster-actions">
        <button
          type="button"
          data-testid="roster-add"
          onClick={() => setRows((all) => [...all, blank(all.length + 1)])}
        >
          {t('handover.ui.rosterAdd')}
        </button>
        <button type="submit" data-testid="roster-save" disabled={pending}>
          {pending ? t('handover.ui.rosterSaving') : t('handover.ui.rosterSave')}
        </button>
      </div>
      {problem && (
        <p className="doc-error" role="alert" data-testid="roster-error">
          {problem}
        </p>
      )}
    </form>
  );
}
