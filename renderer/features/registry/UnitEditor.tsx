// One unit of the registry, edited by the administrator: names in both languages, kind, home
// district, whether it receives flags, and its area. Checked here with the registry's own rule
// (shared/routing/unit-registry.ts) and worded in the desk's language; the core checks it again.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISTRICTS } from '../../../shared/geo/districts';
import {
  checkRegistry,
  emptyArea,
  UNIT_KINDS,
  type RegistryUnit,
  type UnitRegistry,
} from '../../../shared/routing/unit-registry';
import type { Language } from '../../window-state/session/initial-state';

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

const RULE_FIELDS = [
  'id',
  'en',
  'hi',
  'kind',
  'district',
  'districts',
  'towns',
  'pins',
  'replacedBy',
] as const;

/** The first problem's field, for a sentence in the desk's language. */
function ruleOf(path: string): (typeof RULE_FIELDS)[number] | 'other' {
  const named = path.match(/[a-zA-Z]+/g) ?? [];
  for (let i = named.length - 1; i >= 0; i--) {
    const field = RULE_FIELDS.find((f) => f === named[i]);
    if (field) return field;
  }
  return 'other';
}

interface Props {
  registry: UnitRegistry;
  /** null: a new unit. */
  unit: RegistryUnit | null;
  language: Language;
  onSave(registry: UnitRegistry): Promise<string | null>;
  onCancel(): void;
}

export function UnitEditor({ registry, unit, language, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const [id, setId] = useState(unit?.id ?? '');
  const [en, setEn] = useState(unit?.en ?? '');
  const [hi, setHi] = useState(unit?.hi ?? '');
  const [kind, setKind] = useState<RegistryUnit['kind']>(unit?.kind ?? 'police-district');
  const [district, setDistrict] = useState(unit?.district ?? DISTRICTS[0]!.key);
  const [active, setActive] = useState(unit?.active ?? true);
  const [districts, setDistricts] = useState<string[]>(unit?.area.districts ?? []);
  const [towns, setTowns] = useState((unit?.area.towns ?? []).join(', '));
  const [pins, setPins] = useState((unit?.area.pins ?? []).join(', '));
  const [replacedBy, setReplacedBy] = useState((unit?.replacedBy ?? []).join(', '));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const edited: RegistryUnit = {
      id: id.trim(),
      en,
      hi,
      kind,
      district,
      contacts: unit?.contacts ?? [],
      active,
      replacedBy: list(replacedBy),
      area: { ...(unit?.area ?? emptyArea()), districts, towns: list(towns), pins: list(pins) },
    };
    const next: UnitRegistry = {
      units: unit ? registry.units.map((u) => (u.id === unit.id ? edited : u)) : [...registry.units, edited],
    };
    const checked = checkRegistry(next);
    if (!checked.ok) {
      const first = checked.problems[0]!;
      const rule = ruleOf(first.path);
      return setProblem(
        rule === 'other' ? t('registry.rules.other', { path: first.path }) : t(`registry.rules.${rule}`),
      );
    }
    setBusy(true);
    const failure = await onSave(checked.registry);
    setBusy(false);
    setProblem(failure);
  };

  const field = (name: string, input: React.ReactNode) => (
    <label className="registry-field">
      <span>{t(`registry.fields.${name}`)}</span>
      {input}
    </label>
  );
  return (
    <form
      className="registry-editor"
      data-testid="registry-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{unit ? t('registry.editing', { id: unit.id }) : t('registry.adding')}</h3>
      {unit === null &&
        field(
          'id',
          <input
            value={id}
            onChange={(e) => setId(e.target.value)}
            data-testid="registry-id"
            maxLength={48}
          />,
        )}
      {field(
        'en',
        <input
          value={en}
          onChange={(e) => setEn(e.target.value)}
          data-testid="registry-en"
          maxLength={120}
        />,
      )}
      {field(
        'hi',
        <input
          value={hi}
          onChange={(e) => setHi(e.target.value)}
          data-testid="registry-hi"
          maxLength={120}
          lang="hi"
        />,
      )}
      {field(
        'kind',
        <select
          value={kind}
          onChange={(e) => setKind(e.target.value as RegistryUnit['kind'])}
          data-testid="registry-kind"
        >
          {UNIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`registry.kinds.${k}`)}
            </option>
          ))}
        </select>,
      )}
      {field(
        'district',
        <select
          value={district}
          onChange={(e) => setDistrict(e.target.value)}
          data-testid="registry-district"
        >
          {DISTRICTS.map((d) => (
            <option key={d.key} value={d.key}>
              {d[language]}
            </option>
          ))}
        </select>,
      )}
      {field(
        'active',
        <input
          type="checkbox"
          checked={active}
          onChange={(e) => setActive(e.target.checked)}
          data-testid="registry-active"
        />,
      )}
      {field(
        'districts',
        <select
          multiple
          size={5}
          value={districts}
          onChange={(e) => setDistricts([...e.target.selectedOptions].map((o) => o.value))}
          data-testid="registry-districts"
        >
          {DISTRICTS.map((d) => (
            <option key={d.key} value={d.key}>
              {d[language]}
            </option>
          ))}
        </select>,
      )}
      {field(
        'towns',
        <input value={towns} onChange={(e) => setTowns(e.target.value)} data-testid="registry-towns" />,
      )}
      {field(
        'pins',
        <input
          value={pins}
          onChange={(e) => setPins(e.target.value)}
          data-testid="registry-pins"
          inputMode="numeric"
        />,
      )}
      {field(
        'replacedBy',
        <input
          value={replacedBy}
          onChange={(e) => setReplacedBy(e.target.value)}
          data-testid="registry-replaced-by"
        />,
      )}
      <div className="registry-actions">
        <button type="submit" disabled={busy} data-testid="registry-save">
          {t('registry.saveUnit')}
        </button>
        <button type="button" onClick={onCancel} data-testid="registry-cancel">
          {t('registry.cancel')}
        </button>
        {problem && (
          <span className="case-error" role="alert" data-testid="registry-problem">
            {problem}
          </span>
        )}
      </div>
    </form>
  );
}
