import type { FeedHealth } from '../../../shared/domain';
import type { ConnectionState } from '../../api/connection';
import type { FeedState } from './initial-state';

export const feedActions = {
  setHealth: (state: FeedState, health: FeedHealth): FeedState => ({ ...state, health }),
  setConnection: (state: FeedState, connection: ConnectionState, atMs: number): FeedState =>
    connection === state.connection ? state : { ...state, connection, connectionSinceMs: atMs },
};
