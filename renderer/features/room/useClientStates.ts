// The room's desks and walls as the core knows them: fetched on every (re)connect, then pushed.
import { useEffect, useState } from 'react';
import type { ConsoleApi } from '../../api/connection';
import type { ClientState } from '../../../shared/presence';

export function useClientStates(api: ConsoleApi): readonly ClientState[] {
  const [clients, setClients] = useState<readonly ClientState[]>([]);
  useEffect(() => {
    let live = true;
    const offEvent = api.on('clientStates', (payload) => setClients(payload.clients));
    const offConnection = api.onConnection((state) => {
      if (state !== 'connected') return;
      api
        .invoke('getClientStates', {})
        .then((value) => live && setClients(value.clients))
        .catch(() => {});
    });
    return () => {
      live = false;
      offEvent();
      offConnection();
    };
  }, [api]);
  return clients;
}
