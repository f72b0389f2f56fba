// Password checks are the one thing a client can ask for that costs the host real CPU and memory
// (scrypt at N = 2^17: 128 MiB and a few hundred ms of a pool thread each). This gate lets a few run at once across all connections,
// lets a few more wait, and answers the rest 'busy' at once — so a logon storm from one token holder
// costs the room a bounded amount, and the waiting list can never grow with the storm.
//
// Written here rather than taken from p-limit/p-queue: those queue without bound (the caller would
// have to check the size first, racily, from outside), and this is twenty lines.
import { invokeContract, type InvokeChannel } from '../../../../shared/contract';
import { coded, ContractError } from '../../../../shared/errors';

/**
 * The channels that check or hash a password: every channel whose request carries a password field.
 * Read off the contract, so a channel added later (a password change) is gated without anyone
 * remembering to list it here.
 */
export const AUTH_CHANNELS: ReadonlySet<string> = new Set(
  (Object.keys(invokeContract) as InvokeChannel[]).filter((channel) => {
    const shape = (invokeContract[channel].request as { shape?: Record<string, unknown> }).shape;
    return shape !== undefined && Object.keys(shape).some((field) => /password/i.test(field));
  }),
);

export const busyError = (code: 'host.busy_logons' | 'host.busy_logon_pending' | 'host.busy_requests') =>
  new ContractError('busy', coded(code, {}));

export interface AuthGate {
  /** Runs the check when a slot is free; throws a 'busy' ContractError at once if the queue is full. */
  run<T>(check: () => Promise<T>): Promise<T>;
  readonly running: number;
  readonly waiting: number;
}

export function createAuthGate(concurrency: number, queueBound: number): AuthGate {
  let running = 0;
  const waiting: (() => void)[] = [];

  async function run<T>(check: () => Promise<T>): Promise<T> {
    if (running >= concurrency) {
      if (waiting.length >= queueBound) throw busyError('host.busy_logons');
      // The slot is handed over by the finishing check (running stays counted), so no newcomer can
      // overtake the queue between a release and the waiter's turn.
      await new Promise<void>((resolve) => waiting.push(resolve));
    } else {
      running++;
      // Started on a later turn of the loop, never inside the read that brought it: every logon read
      // in one turn would otherwise start back to back in that turn (the account lookup and the
      // rest of a check's synchronous part included), and the gate would bound nothing.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    try {
      return await check();
    } finally {
      const next = waiting.shift();
      // Handed over on the next turn of the loop too, so other clients' requests are read between
      // one check and the next.
      if (next) setImmediate(next);
      else running--;
    }
  }

  return {
    run,
    get running() {
      return running;
    },
    get waiting() {
      return waiting.length;
    },
  };
}
