import { createContractClient, type ContractTransport } from '../../shared/contract-client';
import type { ConsoleApi } from './connection';

/**
 * The contract over the Electron preload. The preload hands back result envelopes, so the kind of
 * an error survives contextBridge; the shared client validates and turns them into InvokeErrors.
 * IPC needs no reconnecting: the preload is there for the life of the window.
 */
export function electronApi(bridge: ContractTransport): ConsoleApi {
  const client = createContractClient(bridge, (line) => console.warn(`[lifeline] ${line}`));
  return {
    invoke: client.invoke,
    on: client.on,
    onConnection(listener) {
      listener('connected');
      return () => {};
    },
  };
}
