import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store';
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

describe('session slice', () => {
  it('validates the operator name with the contract rule (2–64 characters)', () => {
    expect(isValidOperatorName('A')).toBe(false);
    expect(isValidOperatorName('SI Meena Testwal')).toBe(true);
    expect(isValidOperatorName('अजय')).toBe(true);
    expect(isValidOperatorName('x'.repeat(65))).toBe(false);
    expect(isValidOperatorName('<script>')).toBe(false);
    const s = sessionActions.setOperatorName(initialSessionState, '  Op  ');
    expect(selectOperatorValid({ session: s })).toBe(true);
  });

  it('shows training only once main has said so', () => {
    expect(selectTraining({ session: initialSessionState })).toBe(false);
    const s = sessionActions.setInfo(initialSessionState, {
      training: true,
      version: '0.1.0',
      schemaVersion: 1,
      host: 'headless',
      role: 'desk',
      schedule: [],
    });
    expect(selectTraining({ session: s })).toBe(true);
  });

  it('keeps the operator name in session storage and the language in local storage', () => {
    const session = memoryStorage({ 'lifeline.operatorName': 'HC Ravi Testwal' });
    const local = memoryStorage({ 'lifeline.language': 'hi' });
    const { store, actions } = createAppStore({ session, local });
    expect(store.getState().session.operatorName).toBe('HC Ravi Testwal');
    expect(store.getState().session.language).toBe('hi');
    actions.session.setOperatorName('SI Asha Testwal');
    actions.session.setLanguage('en');
    expect(session.data['lifeline.operatorName']).toBe('SI Asha Testwal');
    expect(local.data['lifeline.language']).toBe('en');
  });

  it('ignores an unknown stored language', () => {
    const { store } = createAppStore({ session: null, local: memoryStorage({ 'lifeline.language': 'xx' }) });
    expect(store.getState().session.language).toBe('en');
  });
});
