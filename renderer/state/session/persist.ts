// The operator's name lives in sessionStorage: it survives a reload at the desk but not the end of
// the shift (closing the window), so the next operator cannot acknowledge under the last one's name.
// The language is a desk preference and lives in localStorage.
import { LANGUAGES, type Language, type SessionState } from './initial-state';

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface SessionStorages {
  session: KeyValueStorage | null;
  local: KeyValueStorage | null;
}

const OPERATOR_KEY = 'lifeline.operatorName';
const LANGUAGE_KEY = 'lifeline.language';

function safeGet(storage: KeyValueStorage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function safeSet(storage: KeyValueStorage | null, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Storage can be full or disabled; the desk still works, it just forgets on reload.
  }
}

export function loadSession(storages: SessionStorages, base: SessionState): SessionState {
  const language = safeGet(storages.local, LANGUAGE_KEY);
  return {
    ...base,
    operatorName: safeGet(storages.session, OPERATOR_KEY) ?? base.operatorName,
    language: LANGUAGES.includes(language as Language) ? (language as Language) : base.language,
  };
}

export function saveSession(storages: SessionStorages, next: SessionState, prev: SessionState): void {
  if (next.operatorName !== prev.operatorName) safeSet(storages.session, OPERATOR_KEY, next.operatorName);
  if (next.language !== prev.language) safeSet(storages.local, LANGUAGE_KEY, next.language);
}
