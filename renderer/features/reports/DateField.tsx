import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ddmmyyyy, parseDate } from '../../ui/format/dates';

interface Props {
  label: string;
  /** The date shown, 'YYYY-MM-DD'. */
  value: string;
  testId: string;
  /** A real date was typed ('YYYY-MM-DD'); the caller decides whether it fits the range. */
  onCommit(isoDate: string): void;
}

/**
 * A date typed and shown day first (DD-MM-YYYY). Not <input type="date">: Chromium draws that in
 * the machine's locale, month first on an en-US machine ("11/07/2026" read as 11 July).
 */
export function DateField({ label, value, testId, onCommit }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? ddmmyyyy(value);
  const invalid = draft !== null && parseDate(draft) === null;
  return (
    <label>
      <span>{label}</span>
      <input
        type="text"
        inputMode="numeric"
        value={shown}
        placeholder={t('dates.placeholder')}
        aria-invalid={invalid}
        title={t('dates.placeholder')}
        size={10}
        data-testid={testId}
        onChange={(e) => {
          setDraft(e.target.value);
          const iso = parseDate(e.target.value);
          if (iso !== null) onCommit(iso);
        }}
        onBlur={() => setDraft(null)}
      />
    </label>
  );
}
