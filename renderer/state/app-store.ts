// The one store of this window, and the hook components use to read it.
import { useStore } from 'zustand';
import { createAppStore, type AppState } from './store';

function storageOrNull(get: () => Storage): Storage | null {
  try {
    return get();
  } catch {
    return null;
  }
}

export const { store: appStore, actions } = createAppStore({
  session: storageOrNull(() => window.sessionStorage),
  local: storageOrNull(() => window.localStorage),
});

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
