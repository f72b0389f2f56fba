// i18next with the two tables from shared/i18n. Resources are bundled, so init is synchronous and
// the first render is already in the desk's language.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../../shared/i18n/en';
import { hi } from '../../shared/i18n/hi';
import type { Language } from '../window-state/session/initial-state';

export function initI18n(language: Language): i18n {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, hi: { translation: hi } },
    lng: language,
    fallbackLng: 'en',
    initAsync: false,
    // React escapes what it renders; escaping here too would show "&amp;" to the operator.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  return i18next;
}
