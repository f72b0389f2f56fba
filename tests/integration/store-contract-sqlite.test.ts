// The store's shared suite (store-contract.ts) on the embedded SQLite engine.
import { sqliteEngine } from '../helpers/store-engines';
import { storeContract } from './store-contract';

storeContract(sqliteEngine);
