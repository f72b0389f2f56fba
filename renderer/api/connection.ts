import type { LifelineApi } from '../../shared/contract';

import type { ConnectionState } from '../../shared/contract-client';

// Defined in shared/, once: main's link supervisor in client mode sends the same four words.
export type { ConnectionState };

/** The contract plus the state of the transport carrying it. */
export interface ConsoleApi extends LifelineApi {
  /** Calls the listener at once with the current state, then on every change. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
}
