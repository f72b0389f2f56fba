/**
 * The Electron IPC channels: contract invokes (renderer → main), events (main → renderer), and, in
 * client mode, the state of the window's link to the room's core (asked once, then pushed on change).
 */
export const IPC_INVOKE = 'lifeline:invoke';
export const IPC_EVENT = 'lifeline:event';
export const IPC_CONNECTION = 'lifeline:connection';
