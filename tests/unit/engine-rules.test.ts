// Rules every store engine applies, kept in shared/ so no engine writes them again in its SQL.
import { describe, expect, it } from 'vitest';
import { confirmRefusal, dispatchReasonMissing, stateAfterUndoClose } from '../../shared/dispatch';
import { followUpRefusal } from '../../shared/follow-ups';
import { nextStep } from '../../shared/next-step';

describe('rules the engines share', () => {
  it('asks a reason only for a unit other than the routed one', () => {
    expect(dispatchReasonMissing('kota-city', 'kota-city', undefined)).toBe(false);
    expect(dispatchReasonMissing('bundi', 'kota-city', '  ')).toBe(true);
    expect(dispatchReasonMissing('bundi', 'kota-city', 'closer unit on patrol')).toBe(false);
    expect(dispatchReasonMissing('bundi', null, null)).toBe(true); // unrouted: any unit is a choice
  });

  it("records a unit's confirmation only of a dispatch, and once", () => {
    expect(confirmRefusal('LC-000007', 'acknowledged', null)).toMatchObject({
      code: 'dispatch.confirm_not_dispatched',
    });
    expect(confirmRefusal('LC-000007', 'closed', 5)).toMatchObject({
      code: 'dispatch.confirm_not_dispatched',
    });
    expect(confirmRefusal('LC-000007', 'dispatched', 5)).toMatchObject({
      code: 'dispatch.already_confirmed',
      params: { caseNo: 'LC-000007' },
    });
    expect(confirmRefusal('LC-000007', 'dispatched', null)).toBeNull();
  });

  it('records a check-in only when one is due, and only the one due', () => {
    expect(followUpRefusal('fl_1', null, 1)).toMatchObject({ code: 'followup.none_due' });
    expect(followUpRefusal('fl_1', 2, 1)).toMatchObject({
      code: 'followup.wrong_sequence',
      params: { id: 'fl_1', sequence: 1, due: 2 },
    });
    expect(followUpRefusal('fl_1', 2, 2)).toBeNull();
  });

  it('takes an undone close back to dispatched only when a unit was sent', () => {
    expect(stateAfterUndoClose(null)).toBe('acknowledged');
    expect(stateAfterUndoClose(5_000)).toBe('dispatched');
  });

  it('names the next step of an open flag', () => {
    expect(nextStep('new', null)).toBe('acknowledge');
    expect(nextStep('acknowledged', null)).toBe('dispatch');
    expect(nextStep('dispatched', null)).toBe('confirm');
    expect(nextStep('dispatched', 5)).toBe('close');
  });
});
