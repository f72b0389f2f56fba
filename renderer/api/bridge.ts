// Chooses the transport: the Electron preload when there is one, else the headless host's WebSocket.
import type { ConsoleApi } from './connection';
import { electronApi } from './electron-api';
import { createWsApi } from './ws-client';
import { tokenFromHash } from './ws-messages';

export function connectApi(): ConsoleApi {
  if (window.lifeline) return electronApi(window.lifeline);
  const token = tokenFromHash(location.hash) ?? '';
  return createWsApi(`ws://${location.host}/ws?token=${encodeURIComponent(token)}`);
}
