import type { FeedHealth } from '../../../shared/domain';
import type { ConnectionState } from '../../api/connection';
import type { FeedState } from './initial-state';

export const feedActions = {
  setHealth: (state: FeedState, health: FeedHealth): FeedState => ({ ...state, health }),
  // The first report starts the clock even when the state is the initial 'connecting'.
  setConnection: (state: FeedState, connection: ConnectionState, atMs: number): FeedState =>
    connection === state.connection && state.connectionSinceMs !== null
      ? state
      : { ...state, connection, connectionSinceMs: atMs },
  heard: (state: FeedState, atMs: number): FeedState =>
    atMs <= (state.lastMessageAtMs ?? -Infinity) ? state : { ...state, lastMessageAtMs: atMs },
};
