import { useTranslation } from 'react-i18next';
import { DOC_LANGUAGES, isDocLanguage, type DocLanguage } from './doc-text';

interface Props {
  language: DocLanguage;
  previousShiftId: string | null;
  nextShiftId: string | null;
  onLanguage(language: DocLanguage): void;
  onShift(shiftId: string | null): void;
  onPrint(): void;
  /** Only in the desktop app, where main prints the page to a PDF file. */
  onSavePdf?: () => void;
  onBack(): void;
}

const LANGUAGE_LABEL: Record<DocLanguage, string> = {
  en: 'handover.ui.langEn',
  hi: 'handover.ui.langHi',
  both: 'handover.ui.langBoth',
};

/** The screen-only controls above the sheet; none of this is printed. */
export function HandoverToolbar(props: Props) {
  const { language, previousShiftId, nextShiftId, onLanguage, onShift, onPrint, onSavePdf, onBack } = props;
  const { t } = useTranslation();
  return (
    <nav className="handover-toolbar no-print" aria-label={t('handover.ui.title')}>
      <button type="button" onClick={onBack} data-testid="handover-back">
        {t('handover.ui.back')}
      </button>
      <h1>{t('handover.ui.title')}</h1>
      <button
        type="button"
        disabled={previousShiftId === null}
        onClick={() => onShift(previousShiftId)}
        data-testid="handover-prev"
      >
        {t('handover.ui.prev')}
      </button>
      <button type="button" onClick={() => onShift(null)} data-testid="handover-current">
        {t('handover.ui.current')}
      </button>
      <button
        type="button"
        disabled={nextShiftId === null}
        onClick={() => onShift(nextShiftId)}
        data-testid="handover-next"
      >
        {t('handover.ui.next')}
      </button>
      <label className="handover-lang">
        <span>{t('handover.ui.lang')}</span>
        <select
          value={language}
          data-testid="handover-lang"
          onChange={(e) => isDocLanguage(e.target.value) && onLanguage(e.target.value)}
        >
          {DOC_LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l === 'both' ? undefined : l}>
              {t(LANGUAGE_LABEL[l])}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="handover-print" onClick={onPrint} data-testid="handover-print">
        {t('handover.ui.print')}
      </button>
      {onSavePdf && (
        <button type="button" onClick={onSavePdf} data-testid="handover-save-pdf">
          {t('handover.ui.savePdf')}
        </button>
      )}
    </nav>
  );
}
