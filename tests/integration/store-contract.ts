// The store's guarantees, one suite for every engine (store-contract-sqlite.test.ts and
// store-contract-postgres.test.ts call it). Each concern has a file of its own, registered here so
// both engines run every case once: ingest and the change feed (store-contract-ingest.ts), a flag's
// steps and refusals (-flag.ts), the audit chain, retention and verify/export (-audit.ts), the handover
// and its report (-handover.ts), accounts, devices and request stamps (-accounts.ts), a district
// control room's units and the unit registry (-units.ts), and the room's holds and alarm silence
// (-room.ts). Their fixtures are in store-contract-suite.ts.
import { describe } from 'vitest';
import type { Engine } from '../helpers/store-engines';
import { accountsContract } from './store-contract-accounts';
import { auditContract } from './store-contract-audit';
import { flagStepsContract } from './store-contract-flag';
import { handoverContract } from './store-contract-handover';
import { ingestContract } from './store-contract-ingest';
import { roomStateContract } from './store-contract-room';
import { contractSuite } from './store-contract-suite';
import { unitsContract } from './store-contract-units';

export function storeContract(engine: Engine) {
  const suite = contractSuite(engine);

  roomStateContract(engine.name, suite.open);

  describe(`store contract on ${engine.name}`, () => {
    ingestContract(suite);
    flagStepsContract(suite);
    auditContract(suite);
    handoverContract(suite);
    accountsContract(suite);
    unitsContract(suite);
  });
}
