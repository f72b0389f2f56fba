// The preload exposes exactly the typed contract as window.lifeline, never ipcRenderer itself:
// a compromised renderer can call the contract's channels with payloads main validates, and
// nothing else. Invokes resolve to the result envelope (contextBridge would strip an error's
// kind); the renderer's contract client validates every response and event (shared/contract-client).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  EVENT_NAMES,
  INVOKE_CHANNELS,
  type EventName,
  type InvokeChannel,
  type InvokeResult,
} from '../../shared/contract';
import { isConnectionState, type ContractTransport } from '../../shared/contract-client';
import { IPC_CONNECTION, IPC_EVENT, IPC_INVOKE } from '../../shared/ipc-channels';
import { ENROL_CHANNEL, type EnrolBridge, type EnrolResult } from '../../shared/room/enrol-contract';

const bridge: ContractTransport = {
  async invoke(channel, payload) {
    if (!INVOKE_CHANNELS.includes(channel)) {
      return { ok: false, error: { kind: 'invalid_request', message: 'Unknown channel.', field: 'channel' } };
    }
    return (await ipcRenderer.invoke(IPC_INVOKE, channel, payload)) as InvokeResult<InvokeChannel>;
  },
  listen(listener) {
    const wrapped = (_event: IpcRendererEvent, name: string, payload: unknown) => {
      if (EVENT_NAMES.includes(name as EventName)) listener(name, payload);
    };
    ipcRenderer.on(IPC_EVENT, wrapped);
    return () => ipcRenderer.removeListener(IPC_EVENT, wrapped);
  },
  // In client mode main supervises the window's link to the room's core and says how it is; with an
  // embedded core nothing answers the question (no handler), and IPC is always there: 'connected'.
  // Only the four known words pass: main is trusted, but the renderer acts on this value.
  onConnection(listener) {
    let live = true;
    const wrapped = (_event: IpcRendererEvent, state: unknown) => {
      if (live && isConnectionState(state)) listener(state);
    };
    ipcRenderer.on(IPC_CONNECTION, wrapped);
    ipcRenderer.invoke(IPC_CONNECTION).then(
      (state: unknown) => live && listener(isConnectionState(state) ? state : 'connected'),
      () => live && listener('connected'),
    );
    return () => {
      live = false;
      ipcRenderer.removeListener(IPC_CONNECTION, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('lifeline', bridge);

// The enrolment screen's two steps (shared/room/enrol-contract.ts). Main answers them only while
// the app runs for enrolment (`--enrol`); in any other window the call finds no handler and fails.
const enrolBridge: EnrolBridge = {
  enrol: (request) => ipcRenderer.invoke(ENROL_CHANNEL, request) as Promise<EnrolResult>,
};
contextBridge.exposeInMainWorld('lifelineEnrol', enrolBridge);
