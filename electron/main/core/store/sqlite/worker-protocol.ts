// Messages between the store proxy and its worker thread. Errors travel as data with a kind.
import type { ContractErrorData } from '../../../../../shared/errors';
import type { StoreMethod } from '../store-methods';

export interface WorkerInit {
  file: string;
  key: Uint8Array;
  createIfMissing: boolean;
}

export interface WorkerRequest {
  id: number;
  method: StoreMethod;
  args: unknown[];
}

export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: ContractErrorData }
  | { id: 0; ready: true }
  | { id: 0; ready: false; error: ContractErrorData };
