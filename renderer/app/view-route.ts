// Which view this window shows, from the fragment (`#token=…&view=wall&lang=hi`,
// `#token=…&view=handover&shift=2026-11-25:morning`, `view=reports`).
import type { Language } from '../window-state/session/initial-state';

export const VIEWS = ['desk', 'wall', 'handover', 'reports'] as const;
export type ViewName = (typeof VIEWS)[number];

const params = (hash: string) => new URLSearchParams(hash.replace(/^#/, ''));
const SHIFT_ID = /^\d{4}-\d{2}-\d{2}:[a-z][a-z0-9-]{0,23}$/;

export function viewFromHash(hash: string): ViewName {
  const view = params(hash).get('view');
  return (VIEWS as readonly string[]).includes(view ?? '') ? (view as ViewName) : 'desk';
}

/** The wall's language comes from its URL (`lang=hi`): nobody clicks on a wall. */
export function languageFromHash(hash: string): Language | null {
  const lang = params(hash).get('lang');
  return lang === 'hi' || lang === 'en' ? lang : null;
}

/** The shift a handover view shows (`shift=YYYY-MM-DD:key`); null means the current one. */
export function shiftFromHash(hash: string): string | null {
  const shift = params(hash).get('shift');
  return shift !== null && SHIFT_ID.test(shift) ? shift : null;
}

/** The same fragment (the token stays) showing another view, and for a handover, a shift. */
export function hashFor(hash: string, view: ViewName, shiftId: string | null = null): string {
  const p = params(hash);
  p.set('view', view);
  if (view === 'handover' && shiftId !== null) p.set('shift', shiftId);
  else p.delete('shift');
  return `#${p.toString()}`;
}
