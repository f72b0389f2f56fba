// The room's pure rules (shared/room/*): holds and takeover, the grace, who is receiving flags,
// the heartbeat, and the request id every acting command carries.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { invokeContract } from '../../shared/contract';
import { createContractClient, type ContractTransport } from '../../shared/contract-client';
import { HEARTBEAT, linkIsDead } from '../../shared/room/heartbeat';
import {
  DEFAULT_HOLD_GRACE_MS,
  HOLD_GRACE_LIMITS,
  decideHold,
  holdExpired,
  holdGraceMs,
  mayTakeOver,
  type Hold,
} from '../../shared/room/holds';
import { NO_DESK_GRACE_MS, desksReceiving, noDeskReceiving } from '../../shared/room/room-presence';
import { IDEMPOTENT_CHANNELS, withRequestId } from '../../shared/room/request-id';

const hold = (over: Partial<Hold> = {}): Hold => ({
  name: 'Op Asha',
  desk: 'desk 1',
  connection: 'ws-1',
  sinceMs: 0,
  releaseAtMs: null,
  ...over,
});
const asha = { name: 'Op Asha', role: 'operator' as const, connection: 'ws-1' };
const ravi = { name: 'Op Ravi', role: 'operator' as const, connection: 'ws-2' };

describe('holds', () => {
  it('holds a free flag, keeps it for its holder, and never hands it silently to another desk', () => {
    expect(decideHold(null, asha, 0).kind).toBe('hold');
    expect(decideHold(hold(), asha, 0).kind).toBe('already_yours');
    expect(decideHold(hold(), ravi, 0)).toEqual({ kind: 'held_by_other', holder: hold() });
  });

  it('follows its operator back to a desk during the grace, and frees the flag after it', () => {
    const waiting = hold({ releaseAtMs: 60_000 });
    expect(decideHold(waiting, { ...asha, connection: 'ws-9' }, 1000).kind).toBe('already_yours');
    expect(decideHold(waiting, ravi, 59_999).kind).toBe('held_by_other');
    expect(holdExpired(waiting, 59_999)).toBe(false);
    expect(holdExpired(waiting, 60_000)).toBe(true);
    expect(decideHold(waiting, ravi, 60_000).kind).toBe('hold');
  });

  it('lets those who work flags hold and take over; an auditor neither', () => {
    const auditor = { name: 'Au Dit', role: 'auditor' as const, connection: 'ws-3' };
    expect(decideHold(null, auditor, 0)).toEqual({ kind: 'refused', reason: 'role' });
    expect(mayTakeOver(hold(), auditor)).toBe(false);
    expect(mayTakeOver(hold(), { role: 'supervisor' })).toBe(true);
    expect(mayTakeOver(null, { role: 'operator' })).toBe(false);
  });

  it('keeps a configured grace within its limits', () => {
    expect(holdGraceMs(undefined)).toBe(DEFAULT_HOLD_GRACE_MS);
    expect(holdGraceMs(Number.NaN)).toBe(DEFAULT_HOLD_GRACE_MS);
    expect(holdGraceMs(1)).toBe(HOLD_GRACE_LIMITS.minMs);
    expect(holdGraceMs(24 * 3600_000)).toBe(HOLD_GRACE_LIMITS.maxMs);
    expect(holdGraceMs(30_000)).toBe(30_000);
  });
});

describe('who is receiving flags', () => {
  const deskOn = { role: 'desk' as const, loggedOn: true };
  const deskOff = { role: 'desk' as const, loggedOn: false };
  const wall = { role: 'wall' as const, loggedOn: false };
  it('counts logged-on desks only, and waits out a reload before sounding', () => {
    expect(desksReceiving([deskOn, deskOff, wall])).toBe(1);
    expect(noDeskReceiving([deskOn], 0, 1e9)).toBe(false);
    expect(noDeskReceiving([deskOff, wall], 0, NO_DESK_GRACE_MS - 1)).toBe(false);
    expect(noDeskReceiving([deskOff, wall], 0, NO_DESK_GRACE_MS)).toBe(true);
  });
});

describe('heartbeat', () => {
  it('calls a link dead once a ping has waited deadAfterMs for any answer', () => {
    expect(linkIsDead(0, HEARTBEAT.deadAfterMs - 1, 3)).toBe(false);
    expect(linkIsDead(0, HEARTBEAT.deadAfterMs, 3)).toBe(true);
    // Nothing awaits an answer (the page's timers were stopped, its clock jumped): not dead, however
    // long since the core last spoke; the page pings first.
    expect(linkIsDead(null, 15 * 60_000, 1)).toBe(false);
    // A ping on its way when the clock jumped: one beat has run, not three; the answer may still come.
    expect(linkIsDead(0, 15 * 60_000, 1)).toBe(false);
    expect(HEARTBEAT.pingEveryMs + HEARTBEAT.deadAfterMs).toBeLessThan(5000);
    expect(HEARTBEAT.pingEveryMs * 2).toBeLessThanOrEqual(HEARTBEAT.deadAfterMs);
  });
});

describe('request ids', () => {
  it('is an optional UUID on every acting channel, and strictness is kept', () => {
    for (const channel of IDEMPOTENT_CHANNELS) {
      const shape = (invokeContract[channel].request as z.ZodObject).shape;
      expect(shape, channel).toHaveProperty('requestId');
    }
    const schema = withRequestId(z.object({ id: z.string() }).strict());
    expect(schema.safeParse({ id: 'a', requestId: crypto.randomUUID() }).success).toBe(true);
    expect(schema.safeParse({ id: 'a' }).success).toBe(true);
    expect(schema.safeParse({ id: 'a', requestId: 'x' }).success).toBe(false);
    expect(schema.safeParse({ id: 'a', other: 1 }).success).toBe(false);
  });

  it('is made by the contract client and sent again on a retry after a lost link, never after an answer', async () => {
    const sent: unknown[] = [];
    let answer: 'lost' | 'ok' = 'lost';
    const item = { id: 'fl_1' };
    const transport: ContractTransport = {
      invoke: async (_channel, payload) => {
        sent.push(payload);
        if (answer === 'lost') throw Object.assign(new Error('lost'), { kind: 'unavailable' });
        return { ok: false, error: { kind: 'conflict', message: 'already' } };
      },
      listen: () => () => {},
    };
    const client = createContractClient(transport);
    const ack = () => client.invoke('acknowledge', { id: item.id, operator: 'Op Asha' });
    await expect(ack()).rejects.toThrow('lost');
    await expect(ack()).rejects.toThrow('lost');
    answer = 'ok';
    await expect(ack()).rejects.toMatchObject({ kind: 'conflict' });
    await expect(ack()).rejects.toMatchObject({ kind: 'conflict' });
    const ids = sent.map((p) => (p as { requestId: string }).requestId);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).toBe(ids[0]); // retried after the lost link: the same command
    expect(ids[2]).toBe(ids[0]); // answered now: settled
    expect(ids[3]).not.toBe(ids[0]); // a new command after an answer is new
    // Reads carry none.
    await client.invoke('listQueue', {}).catch(() => {});
    expect(sent.at(-1)).toEqual({});
  });
});
