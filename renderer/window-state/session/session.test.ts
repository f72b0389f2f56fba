import { describe, expect, it } from 'vitest';
import { createWindowState } from '../window-state';
import { sessionActions } from './actions';
import { initialSessionState } from './initial-state';
import type { KeyValueStorage } from './persist';
import { isValidOperatorName, selectOperatorValid, selectTraining } from './selectors';

function memoryStorage(
  initial: Record<string, string> = {},
): KeyValueStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
}

const info = (user: { name: string; role: 'operator' } | null, locked = false) => ({
  training: true,
  version: '0.1.0',
  schemaVersion: 1,
  host: 'headless' as const,
  role: 'desk' as const,
  schedule: [],
  user,
  accountsExist: true,
  locked,
  idleLockMs: 900_000,
});

describe('session slice', () => {
  it('validates names with the contract rule (2–64 characters)', () => {
    expect(isValidOperatorName('A')).toBe(false);
    expect(isValidOperatorName('SI Meena Testwal')).toBe(true);
    expect(isValidOperatorName('अजय')).toBe(true);
    expect(isValidOperatorName('x'.repeat(65))).toBe(false);
    expect(isValidOperatorName('<script>')).toBe(false);
  });

  it('acts as the user main says is logged on, and not while the desk is locked', () => {
    expect(selectOperatorValid({ session: initialSessionState })).toBe(false);
    const on = sessionActions.setInfo(
      initialSessionState,
      info({ name: 'SI Meena Testwal', role: 'operator' }),
    );
    expect(on.operatorName).toBe('SI Meena Testwal');
    expect(selectOperatorValid({ session: on })).toBe(true);
    const locked = sessionActions.setInfo(on, info({ name: 'SI Meena Testwal', role: 'operator' }, true));
    expect(selectOperatorValid({ session: locked })).toBe(false);
    const off = sessionActions.setInfo(on, info(null));
    expect(off.operatorName).toBe('');
    expect(selectOperatorValid({ session: off })).toBe(false);
  });

  it('shows training only once main has said so', () => {
    expect(selectTraining({ session: initialSessionState })).toBe(false);
    const s = sessionActions.setInfo(initialSessionState, info(null));
    expect(selectTraining({ session: s })).toBe(true);
  });

  it('keeps the language in local storage and never a name from storage', () => {
    const session = memoryStorage({ 'lifeline.operatorName': 'HC Ravi Testwal' });
    const local = memoryStorage({ 'lifeline.language': 'hi' });
    const { store, actions } = createWindowState({ session, local });
    expect(store.getState().session.operatorName).toBe('');
    expect(store.getState().session.language).toBe('hi');
    actions.session.setLanguage('en');
    expect(local.data['lifeline.language']).toBe('en');
  });

  it('ignores an unknown stored language', () => {
    const { store } = createWindowState({
      session: null,
      local: memoryStorage({ 'lifeline.language': 'xx' }),
    });
    expect(store.getState().session.language).toBe('en');
  });
});
