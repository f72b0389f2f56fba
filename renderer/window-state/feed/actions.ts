import type { FeedHealth } from '../../../shared/domain';
import type { ConnectionState } from '../../api/connection';
import type { FeedState } from './initial-state';

export const feedActions = {
  setHealth: (state: FeedState, health: FeedHealth): FeedState => ({
    ...state,
    health,
    // What was quarantined before this window opened is not news; what comes after is.
    quarantineSeen: state.quarantineSeen ?? health.quarantinedTotal,
  }),
  /** The operator opened the quarantine list: the current count is no longer new. */
  markQuarantineSeen: (state: FeedState): FeedState =>
    state.health === null || state.quarantineSeen === state.health.quarantinedTotal
      ? state
      : { ...state, quarantineSeen: state.health.quarantinedTotal },
  // The first report starts the clock even when the state is the initial 'connecting'.
  setConnection: (state: FeedState, connection: ConnectionState, atMs: number): FeedState =>
    connection === state.connection && state.connectionSinceMs !== null
      ? state
      : { ...state, connection, connectionSinceMs: atMs },
  heard: (state: FeedState, atMs: number): FeedState =>
    atMs <= (state.lastMessageAtMs ?? -Infinity) ? state : { ...state, lastMessageAtMs: atMs },
};
