// The administrator's police unit registry (issue #23): every unit as police headquarters defines it
// — names, kind, area, whether it receives flags — with its control-room number entered on site, and
// an editor for a unit or a new one. A save is a new version of the whole registry, checked here and
// again in the core, and audited there; the control-room number is saved on its own, as before.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unitContactSchema } from '../../../shared/routing/police-units';
import type { RegistryUnit } from '../../../shared/routing/unit-registry';
import type { ConsoleApi } from '../../api/connection';
import type { Language } from '../../window-state/session/initial-state';
import { zodFailureText } from '../../i18n/failure-text';
import { UnitEditor } from './UnitEditor';
import { useUnitRegistry } from './useUnitRegistry';
import './registry.css';

interface Props {
  /** Read when the panel opens: the registry in force then, not when the desk started. */
  api: ConsoleApi;
  contacts: ReadonlyMap<string, string>;
  language: Language;
  onSaveContact(unitKey: string, contact: string): Promise<string | null>;
  onClose(): void;
}

function ContactForm({
  unit,
  contact,
  onSave,
}: {
  unit: RegistryUnit;
  contact: string;
  onSave: Props['onSaveContact'];
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(contact);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  return (
    <form
      className="unit-contact-form"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = unitContactSchema.safeParse(value);
        if (!parsed.success) return setProblem(zodFailureText(parsed.error));
        setProblem(null);
        void onSave(unit.id, parsed.data).then((failure) => {
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
  );
}

export function RegistryPanel({ api, contacts, language, onSaveContact, onClose }: Props) {
  const { t } = useTranslation();
  const { inForce, error, save: onSaveRegistry } = useUnitRegistry(api);
  // undefined: no editor open; null: a new unit.
  const [editing, setEditing] = useState<RegistryUnit | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const registry = inForce?.registry;
  return (
    <div className="quarantine-panel" role="dialog" aria-labelledby="units-title" data-testid="units-panel">
      <div className="quarantine-head">
        <h2 id="units-title">{t('units.title')}</h2>
        <button type="button" onClick={onClose} data-testid="units-close">
          {t('units.close')}
        </button>
      </div>
      <p className="logon-hint">{t('units.hint')}</p>
      {error && (
        <p className="case-error" role="alert">
          {error}
        </p>
      )}
      {inForce && (
        <p className="registry-version" data-testid="registry-version" data-version={inForce.version}>
          {inForce.version === 0
            ? t('registry.shipped')
            : t('registry.version', { version: inForce.version })}
          {inForce.savedBy && <> · {t('registry.savedBy', { name: inForce.savedBy })}</>}
          {notice && (
            <span role="status" data-testid="registry-notice">
              {' '}
              · {notice}
            </span>
          )}
          <button type="button" onClick={() => setEditing(null)} data-testid="registry-add">
            {t('registry.add')}
          </button>
        </p>
      )}
      {registry && editing !== undefined && (
        <UnitEditor
          key={editing?.id ?? 'new'}
          registry={registry}
          unit={editing}
          language={language}
          onCancel={() => setEditing(undefined)}
          onSave={async (next) => {
            const result = await onSaveRegistry(next);
            if ('failure' in result) return result.failure;
            setEditing(undefined);
            setNotice(t('registry.savedVersion', { version: result.version }));
            return null;
          }}
        />
      )}
      <table className="units-table">
        <thead>
          <tr>
            <th scope="col">{t('registry.name')}</th>
            <th scope="col">{t('registry.kind')}</th>
            <th scope="col">{t('registry.area')}</th>
            <th scope="col">{t('registry.status')}</th>
            <th scope="col">{t('units.contact')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {registry?.units.map((unit) => (
            <tr
              key={unit.id}
              data-testid="unit-row"
              data-unit={unit.id}
              data-active={unit.active}
              className={unit.active ? undefined : 'unit-inactive'}
            >
              <th scope="row">{unit[language]}</th>
              <td>{t(`registry.kinds.${unit.kind}`)}</td>
              <td>
                {t('registry.areaSummary', {
                  districts: unit.area.districts.length,
                  towns: unit.area.towns.length,
                  pins: unit.area.pins.length,
                })}
              </td>
              <td data-testid="unit-status">{unit.active ? t('registry.active') : t('registry.inactive')}</td>
              <td>
                <ContactForm unit={unit} contact={contacts.get(unit.id) ?? ''} onSave={onSaveContact} />
              </td>
              <td>
                <button type="button" onClick={() => setEditing(unit)} data-testid="unit-edit">
                  {t('registry.edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
