import { useTranslation } from 'react-i18next';
import type { Language } from '../window-state/session/initial-state';

interface Props {
  language: Language;
  onChange(language: Language): void;
}

export function LanguageSwitch({ language, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      <button
        type="button"
        lang="en"
        aria-pressed={language === 'en'}
        onClick={() => onChange('en')}
        data-testid="lang-en"
      >
        EN
      </button>
      <button
        type="button"
        lang="hi"
        aria-pressed={language === 'hi'}
        onClick={() => onChange('hi')}
        data-testid="lang-hi"
      >
        हिंदी
      </button>
    </div>
  );
}
