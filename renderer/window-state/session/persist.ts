// The language is a desk preference and lives in localStorage. Who is at the desk is main's to say
// (the logon session), never something a page remembers.
import { LANGUAGES, type Language, type SessionState } from './initial-state';

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface SessionStorages {
  session: KeyValueStorage | null;
  local: KeyValueStorage | null;
}

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
    language: LANGUAGES.includes(language as Language) ? (language as Language) : base.language,
  };
}

export function saveSession(storages: SessionStorages, next: SessionState, prev: SessionState): void {
  if (next.language !== prev.language) safeSet(storages.local, LANGUAGE_KEY, next.language);
}
