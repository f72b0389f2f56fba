/** The only two Electron IPC channels: contract invokes (renderer → main) and events (main → renderer). */
export const IPC_INVOKE = 'lifeline:invoke';
export const IPC_EVENT = 'lifeline:event';
