import type { LifelineApi } from '../../shared/contract';

/**
 * Whether the renderer can reach main right now; 'reconnecting' means what is shown may be stale;
 * 'revoked' that the room's core revoked this device: it is cut off for good and says why.
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'revoked';

/** The contract plus the state of the transport carrying it. */
export interface ConsoleApi extends LifelineApi {
  /** Calls the listener at once with the current state, then on every change. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
}
