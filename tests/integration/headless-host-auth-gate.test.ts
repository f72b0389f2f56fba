// The password-check gate on its own: bounded, first come first served, and never two checks in one
// turn of the event loop (while hashing is synchronous, that is what lets other clients be answered).
import { describe, expect, it } from 'vitest';
import { createAuthGate } from '../../electron/main/core/host/auth-gate';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('auth gate', () => {
  it('runs waiting checks in arrival order and answers busy at once beyond the bound', async () => {
    const gate = createAuthGate(1, 2);
    const order: number[] = [];
    let releaseFirst!: () => void;
    const first = gate.run(async () => {
      order.push(1);
      await new Promise<void>((resolve) => (releaseFirst = resolve));
    });
    const second = gate.run(async () => void order.push(2));
    const third = gate.run(async () => void order.push(3));
    await expect(gate.run(async () => void order.push(4))).rejects.toMatchObject({ kind: 'busy' });
    expect(gate.waiting).toBe(2);
    while (!releaseFirst) await nextTurn();
    releaseFirst();
    await Promise.all([first, second, third]);
    expect(order).toEqual([1, 2, 3]);
    expect(gate.running).toBe(0);
  });

  it('starts no check inside the call that asked for it, and lets other work run between two checks', async () => {
    const gate = createAuthGate(1, 8);
    const order: string[] = [];
    const a = gate.run(async () => {
      order.push('check a');
      // Another client's request, arriving while check a holds the loop.
      setImmediate(() => order.push('other client'));
    });
    const b = gate.run(async () => void order.push('check b'));
    expect(order).toEqual([]); // not started synchronously, within the read that brought it
    await Promise.all([a, b]);
    expect(order).toEqual(['check a', 'other client', 'check b']);
  });

  it('frees the slot when a check fails', async () => {
    const gate = createAuthGate(1, 0);
    await expect(gate.run(async () => Promise.reject(new Error('wrong password')))).rejects.toThrow();
    await expect(gate.run(async () => 'ok')).resolves.toBe('ok');
  });
});
