// Chooses the transport: the Electron preload when there is one, else the headless host's WebSocket.
import type { ConsoleApi } from './connection';
import { electronApi } from './electron-api';
import { createWsApi } from './ws-client';
import { tokenFromHash } from './ws-messages';

export function connectApi(): ConsoleApi {
  if (window.lifeline) return electronApi(window.lifeline);
  // Served over https, the page is a device enrolled at the room's core: its credential is an
  // HttpOnly cookie the browser sends by itself, and there is no token.
  if (location.protocol === 'https:') return createWsApi(`wss://${location.host}/ws`);
  const token = tokenFromHash(location.hash) ?? '';
  return createWsApi(`ws://${location.host}/ws?token=${encodeURIComponent(token)}`);
}
