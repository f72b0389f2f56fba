// Tells the core whether this page is seen and can sound the alarm, whenever that changes and on
// every (re)connect, so the room sees "desk 3: window hidden" instead of assuming it is heard.
// Events only (visibilitychange, freeze/resume, the window state's sound status): no timer, because a
// hidden page's timers are exactly what the browser throttles.
import { useEffect, useState } from 'react';
import type { ConsoleApi } from '../../api/connection';
import { selectSound } from '../../window-state/alarm/selectors';
import { useWindowState } from '../../window-state/use-window-state';
import type { ClientState } from '../../../shared/presence';
import { clientAudioOf, clientVisibilityOf, withShellWindow } from './client-report';

export type ClientLabel = Pick<ClientState, 'role' | 'number'>;

/** This page's name in the room and the room's desks and walls (useClientStates). */
export interface Presence {
  self: ClientLabel | null;
  clients: readonly ClientState[];
}

export function useClientReport(api: ConsoleApi): ClientLabel | null {
  const audio = clientAudioOf(useWindowState(selectSound));
  const [pageVisibility, setVisibility] = useState(() => clientVisibilityOf(document.visibilityState, false));
  // The desktop shell's word on its window (a minimised Electron window stays 'visible' to the page).
  const [windowShown, setWindowShown] = useState(true);
  const visibility = withShellWindow(pageVisibility, windowShown);
  const [connected, setConnected] = useState(0);
  const [label, setLabel] = useState<ClientLabel | null>(null);

  useEffect(() => {
    let frozen = false;
    const update = () => setVisibility(clientVisibilityOf(document.visibilityState, frozen));
    const onFreeze = () => {
      frozen = true;
      update();
    };
    const onResume = () => {
      frozen = false;
      update();
    };
    document.addEventListener('visibilitychange', update);
    document.addEventListener('freeze', onFreeze);
    document.addEventListener('resume', onResume);
    return () => {
      document.removeEventListener('visibilitychange', update);
      document.removeEventListener('freeze', onFreeze);
      document.removeEventListener('resume', onResume);
    };
  }, []);

  useEffect(() => api.on('windowShown', ({ visible }) => setWindowShown(visible)), [api]);

  // A new connection is a new entry in the core: report again on every connect.
  useEffect(() => api.onConnection((state) => state === 'connected' && setConnected((n) => n + 1)), [api]);

  useEffect(() => {
    if (connected === 0) return;
    let live = true;
    api
      .invoke('reportClientState', { visibility, audio })
      .then((value) => live && setLabel(value))
      .catch(() => {}); // the next change or reconnect reports again
    return () => {
      live = false;
    };
  }, [api, visibility, audio, connected]);

  return label;
}
