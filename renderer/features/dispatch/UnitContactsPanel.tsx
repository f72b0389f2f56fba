// The administrator's table of police units and their control-room numbers (validated with the
// same rule main applies; every change is audited in main).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_POLICE_UNITS,
  unitContactSchema,
  type PoliceUnit,
} from '../../../shared/routing/police-units';
import type { Language } from '../../window-state/session/initial-state';
import { zodFailureText } from '../../i18n/failure-text';

interface Props {
  contacts: ReadonlyMap<string, string>;
  language: Language;
  onSave(unitKey: string, contact: string): Promise<string | null>;
  onClose(): void;
}

function UnitRow({
  unit,
  contact,
  language,
  onSave,
}: {
  unit: PoliceUnit;
  contact: string;
  language: Language;
  onSave: Props['onSave'];
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(contact);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  return (
    <tr data-testid="unit-row" data-unit={unit.key}>
      <th scope="row">{unit[language]}</th>
      <td>
        <form
          className="unit-contact-form"
          onSubmit={(e) => {
            e.preventDefault();
            const parsed = unitContactSchema.safeParse(value);
            if (!parsed.success) return setProblem(zodFailureText(parsed.error));
            setProblem(null);
            void onSave(unit.key, parsed.data).then((failure) => {
              setProblem(failure);
              setSaved(failure === null);
            });
          }}
        >
          <input
            value={value}
            maxLength={20}
            inputMode="tel"
            onChange={(e) => (setValue(e.target.value), setSaved(false))}
            data-testid="unit-contact"
            aria-label={t('units.contact')}
          />
          <button type="submit" data-testid="unit-save">
            {saved ? t('units.saved') : t('units.save')}
          </button>
          {problem && (
            <span className="case-error" role="alert" data-testid="unit-problem">
              {problem}
            </span>
          )}
        </form>
      </td>
    </tr>
  );
}

export function UnitContactsPanel({ contacts, language, onSave, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <div className="quarantine-panel" role="dialog" aria-labelledby="units-title" data-testid="units-panel">
      <div className="quarantine-head">
        <h2 id="units-title">{t('units.title')}</h2>
        <button type="button" onClick={onClose} data-testid="units-close">
          {t('units.close')}
        </button>
      </div>
      <p className="logon-hint">{t('units.hint')}</p>
      <table className="units-table">
        <tbody>
          {DEFAULT_POLICE_UNITS.map((unit) => (
            <UnitRow
              key={unit.key}
              unit={unit}
              contact={contacts.get(unit.key) ?? ''}
              language={language}
              onSave={onSave}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
