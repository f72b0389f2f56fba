import {
  createContractClient,
  isConnectionState,
  type ConnectionState,
  type ContractTransport,
} from '../../shared/contract-client';
import type { ConsoleApi } from './connection';

/**
 * The contract over the Electron preload. The preload hands back result envelopes, so the kind of
 * an error survives contextBridge; the shared client validates and turns them into InvokeErrors.
 * With an embedded core IPC needs no reconnecting: the preload is there for the life of the window.
 * In client mode main's link to the room's core can be lost: the bridge's `onConnection` then says
 * so, and the desk shows NOT CONNECTED and resynchronises on 'connected' as the page does.
 */
export function electronApi(bridge: ContractTransport): ConsoleApi {
  const client = createContractClient(bridge, (line) => console.warn(`[lifeline] ${line}`));
  // One subscription to the bridge, however many listeners the renderer adds.
  let state: ConnectionState = bridge.onConnection ? 'connecting' : 'connected';
  const listeners = new Set<(state: ConnectionState) => void>();
  bridge.onConnection?.((next) => {
    // The bridge is checked here too: a value outside the four is not acted on.
    if (!isConnectionState(next) || next === state) return;
    state = next;
    for (const listener of listeners) listener(next);
  });
  return {
    invoke: client.invoke,
    on: client.on,
    onConnection(listener) {
      listeners.add(listener);
      listener(state);
      return () => listeners.delete(listener);
    },
  };
}
