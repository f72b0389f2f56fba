// The preload exposes exactly the typed contract as window.lifeline, never ipcRenderer itself:
// a compromised renderer can call the contract's channels with payloads main validates, and
// nothing else. One IPC channel carries invokes, one carries events.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createContractClient } from '../../shared/contract-client';
import type { InvokeChannel, InvokeResult } from '../../shared/contract';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/ipc-channels';

const api = createContractClient({
  invoke: (channel, payload) =>
    ipcRenderer.invoke(IPC_INVOKE, channel, payload) as Promise<InvokeResult<InvokeChannel>>,
  listen(listener) {
    const wrapped = (_event: IpcRendererEvent, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on(IPC_EVENT, wrapped);
    return () => ipcRenderer.removeListener(IPC_EVENT, wrapped);
  },
});

contextBridge.exposeInMainWorld('lifeline', {
  invoke: api.invoke,
  on: api.on,
});
