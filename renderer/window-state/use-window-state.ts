// The one window state of this window, and the hook components use to read it.
import { useStore } from 'zustand';
import { createWindowState, type WindowState } from './window-state';

function storageOrNull(get: () => Storage): Storage | null {
  try {
    return get();
  } catch {
    return null;
  }
}

export const { store: windowState, actions } = createWindowState({
  session: storageOrNull(() => window.sessionStorage),
  local: storageOrNull(() => window.localStorage),
});

export function useWindowState<T>(selector: (state: WindowState) => T): T {
  return useStore(windowState, selector);
}
