import { useTranslation } from 'react-i18next';

interface Props {
  name: string;
  valid: boolean;
  onChange(name: string): void;
}

export const OPERATOR_INPUT_ID = 'operator-name';

export function OperatorField({ name, valid, onChange }: Props) {
  const { t } = useTranslation();
  const showProblem = !valid;
  return (
    <div className={`operator-field${showProblem ? ' operator-field--invalid' : ''}`}>
      <label htmlFor={OPERATOR_INPUT_ID}>{t('operator.label')}</label>
      <input
        id={OPERATOR_INPUT_ID}
        data-testid="operator-name"
        type="text"
        autoComplete="off"
        spellCheck={false}
        maxLength={64}
        value={name}
        placeholder={t('operator.placeholder')}
        aria-invalid={showProblem}
        aria-describedby={showProblem ? 'operator-problem' : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {showProblem && (
        <span id="operator-problem" className="operator-problem">
          {name.trim() === '' ? t('operator.required') : t('operator.invalid')}
        </span>
      )}
    </div>
  );
}
