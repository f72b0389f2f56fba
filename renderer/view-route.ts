// Which view this window shows, from the fragment (`#token=…&view=wall&lang=hi`). Map, handover and
// reports will be added to VIEWS.
import type { Language } from './state/session/initial-state';

export const VIEWS = ['desk', 'wall'] as const;
export type ViewName = (typeof VIEWS)[number];

const params = (hash: string) => new URLSearchParams(hash.replace(/^#/, ''));

export function viewFromHash(hash: string): ViewName {
  const view = params(hash).get('view');
  return (VIEWS as readonly string[]).includes(view ?? '') ? (view as ViewName) : 'desk';
}

/** The wall's language comes from its URL (`lang=hi`): nobody clicks on a wall. */
export function languageFromHash(hash: string): Language | null {
  const lang = params(hash).get('lang');
  return lang === 'hi' || lang === 'en' ? lang : null;
}
