// The contract's handover calls. The summary is computed from the store at the moment it is asked
// for; signing freezes it. Signing opens with the handover warning, 30 minutes before the change.
import type { InvokeHandlers } from '../../../../shared/contract';
import { coded, ContractError } from '../../../../shared/errors';
import {
  HANDOVER_WARNING_MS,
  parseInstanceId,
  previousShift,
  shiftAt,
  type Shift,
  type ShiftInstance,
} from '../../../../shared/shifts/schedule';
import type { Store } from '../store/store';

type HandoverHandlers = Pick<
  InvokeHandlers,
  'getHandover' | 'signHandover' | 'receiveHandover' | 'getRoster' | 'setRoster'
>;

export function handoverHandlers(
  store: Store,
  schedule: readonly Shift[],
  training: boolean,
  now: () => number,
): HandoverHandlers {
  const resolve = (shiftId: string | undefined): ShiftInstance => {
    if (shiftId === undefined) return shiftAt(schedule, now());
    const shift = parseInstanceId(schedule, shiftId);
    if (!shift)
      throw new ContractError('invalid_request', coded('handover.no_shift', { shiftId }), 'shiftId');
    return shift;
  };

  return {
    async getHandover({ shiftId }) {
      const shift = resolve(shiftId);
      const record = await store.getHandover(shift.id);
      const summary = record?.summary ?? (await store.handoverSummary(shift, now(), training));
      return {
        shiftId: shift.id,
        previousShiftId: previousShift(schedule, shift).id,
        nextShiftId: shiftAt(schedule, shift.endMs).id,
        summary,
        record,
      };
    },
    async signHandover({ shiftId, supervisor, notes }) {
      const shift = resolve(shiftId);
      const at = now();
      if (at < shift.endMs - HANDOVER_WARNING_MS) {
        throw new ContractError('conflict', coded('handover.too_early', { shiftId: shift.id }), 'shiftId');
      }
      return store.signHandover(await store.handoverSummary(shift, at, training), notes, supervisor, at);
    },
    async getRoster({ shiftId }) {
      const shift = resolve(shiftId);
      return { shiftId: shift.id, entries: await store.getRoster(shift.id) };
    },
    async setRoster({ shiftId, entries }) {
      const shift = resolve(shiftId);
      if (await store.getHandover(shift.id)) {
        throw new ContractError(
          'conflict',
          coded('handover.roster_signed', { shiftId: shift.id }),
          'shiftId',
        );
      }
      await store.setRoster(shift.id, entries);
      return { shiftId: shift.id, entries: await store.getRoster(shift.id) };
    },
    async receiveHandover({ shiftId, supervisor }) {
      return store.receiveHandover(resolve(shiftId).id, supervisor, now());
    },
  };
}
