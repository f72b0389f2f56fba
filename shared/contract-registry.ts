// The contract's unit registry channels (issue #23): every desk reads the registry in force (names of
// units, whom to send to); an administrator saves a new version of it. Spread into invokeContract
// (contract.ts); CHANNEL_ACCESS (accounts.ts) says who may call each.
import { z } from 'zod';
import { unitRegistrySchema } from './routing/unit-registry';

const registryVersionSchema = z.object({
  version: z.number().int().min(0),
  registry: unitRegistrySchema,
  savedBy: z.string().nullable(),
  savedAtMs: z.number().nullable(),
});

export const registryInvokeContract = {
  /** The registry in force: version 0 is the shipped one. */
  getUnitRegistry: { request: z.object({}).strict(), response: registryVersionSchema },
  /**
   * An administrator's new version, whole. The core validates it (each field by the registry's rules,
   * no unit removed) and refuses it when basedOn is not the version in force (someone saved meanwhile).
   */
  saveUnitRegistry: {
    request: z.object({ registry: z.unknown(), basedOn: z.number().int().min(0) }).strict(),
    response: registryVersionSchema,
  },
  /** Every saved version, newest first (who, when, how many units, an import's SHA-256). */
  listRegistryVersions: {
    request: z.object({}).strict(),
    response: z.array(
      z.object({
        version: z.number(),
        savedBy: z.string(),
        savedAtMs: z.number(),
        units: z.number(),
        sourceSha256: z.string().nullable(),
      }),
    ),
  },
} as const;
