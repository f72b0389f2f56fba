// The contract's room channels: holding a flag while working it, letting it go, taking it over from
// another desk; and the room's notices. Spread into invokeContract / eventContract (contract.ts).
import { z } from 'zod';
import { heldBySchema } from './holds';
import { withRequestId } from './request-id';

const flagId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'id: a flag id');
const holdAnswer = z.object({ id: flagId, heldBy: heldBySchema.nullable() });

export const roomContract = {
  /** The desk opened the flag to work it: held by its operator, unless another desk holds it. */
  holdFlag: { request: z.object({ id: flagId }).strict(), response: holdAnswer },
  /** The operator closed the flag's panel: it goes back to the room at once. */
  releaseFlag: { request: z.object({ id: flagId }).strict(), response: holdAnswer },
  /** Explicitly take a flag over from the desk that holds it: recorded in its events and the audit. */
  takeOverFlag: { request: withRequestId(z.object({ id: flagId }).strict()), response: holdAnswer },
} as const;

export const ROOM_NOTICE_KINDS = ['hold_released', 'taken_over'] as const;

export const roomEventContract = {
  /** A line for every screen: a held flag went back to the room, or was taken over. */
  roomNotice: z.object({
    kind: z.enum(ROOM_NOTICE_KINDS),
    id: flagId,
    caseNo: z.string(),
    atMs: z.number(),
    /** taken_over: who took it, and from whom (operators' names, never a subject's). */
    by: z.string().nullable(),
    from: z.string().nullable(),
  }),
} as const;
