// The store's shared suite (store-contract.ts) on PostgreSQL: a real server, a database of its own per
// test. Without a server this FAILS with the command that gets one (tests/helpers/test-pg.ts).
import { postgresEngine } from '../helpers/store-engines';
import { storeContract } from './store-contract';

storeContract(postgresEngine);
