// A district control room on the room's core: the dispatch alarms the unit's desk only; its receipt
// is the confirmation the command centre sees at once; an unconfirmed dispatch re-alarms at both
// ends after its target; the unit's steps reach the command centre live; a hand-back returns the
// flag to the supervisor, with the chain in the flag's events and the audit trail. Invented people.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ALARM_CONFIG } from '../../electron/main/core/alarm/alarm-config';
import { OPERATOR } from '../helpers/host-rig';
import {
  JAIPUR,
  JODHPUR,
  JODHPUR_DESK,
  SUPERVISOR,
  startUnitRoom,
  type UnitRoom,
} from '../helpers/unit-room';

let room: UnitRoom | undefined;
/** The core's clock runs this far ahead of the real one: the test moves time, never waits it out. */
let aheadMs = 0;
afterEach(async () => {
  await room?.close();
  room = undefined;
  aheadMs = 0;
});

// The idle lock at its longest (30 min), so the jump past the 15-minute target does not lock the desks.
const start = () => startUnitRoom({ now: () => Date.now() + aheadMs, idleLockMs: 30 * 60_000 });

const audit = (room: UnitRoom, target: string) =>
  room.rig.database
    .prepare<[string], { action: string; actor: string }>(
      'SELECT action, actor FROM audit_log WHERE target = ? ORDER BY seq',
    )
    .all(target);

describe('a district control room confirms in its own console', () => {
  it('alarms only the unit dispatched to; its receipt is the confirmation, seen at once by the command centre', async () => {
    room = await start();
    await room.dispatched('fl_receipt', 'Jodhpur', JODHPUR);
    const alarm = await room.jodhpur.waitFor('alarm', (a) => a.flagIds.includes('fl_receipt'));
    expect(alarm.sound.flag).toBe('high');
    expect((await room.jaipur.api.invoke('getAlarm', {})).flagIds).toEqual([]);
    expect(JSON.stringify(room.jaipur.events('alarm'))).not.toContain('fl_receipt');

    const received = await room.jodhpur.api.invoke('acknowledgeReceipt', { id: 'fl_receipt' });
    expect(received.dispatch).toMatchObject({
      unitKey: JODHPUR,
      confirmedAtMs: expect.any(Number),
      progress: { receivedBy: JODHPUR_DESK.name, via: 'console' },
    });
    for (const screen of [room.centre, room.supervisor])
      await screen.waitFor('queueChanged', (p) =>
        p.upserts.some(
          (i) => i.id === 'fl_receipt' && i.dispatch?.progress?.receivedBy === JODHPUR_DESK.name,
        ),
      );
    await room.jodhpur.waitFor('alarm', (a) => !a.flagIds.includes('fl_receipt'));
    // Twice is refused: one receipt per dispatch.
    await expect(room.jodhpur.api.invoke('acknowledgeReceipt', { id: 'fl_receipt' })).rejects.toMatchObject({
      kind: 'conflict',
      code: 'unit.already_received',
    });
    const detail = await room.centre.api.invoke('getFlagDetail', { id: 'fl_receipt' });
    expect(detail.events.find((e) => e.kind === 'unit_received')).toMatchObject({
      actor: JODHPUR_DESK.name,
      detail: { unitKey: JODHPUR, via: 'console' },
    });
    expect(audit(room, 'fl_receipt')).toContainEqual({
      action: 'flag.unit_received',
      actor: JODHPUR_DESK.name,
    });
  });

  it('re-alarms an unconfirmed dispatch at the command centre and at the unit after its target', async () => {
    room = await start();
    await room.dispatched('fl_late', 'Jodhpur', JODHPUR);
    await room.jodhpur.waitFor('alarm', (a) => a.flagIds.includes('fl_late') && !a.sound.escalated);
    const centreBefore = await room.centre.api.invoke('getAlarm', {});
    expect(centreBefore.unconfirmedIds).not.toContain('fl_late');
    aheadMs = DEFAULT_ALARM_CONFIG.reAlarmUnconfirmedAfterMs + 1000;
    const centre = await room.centre.waitFor('alarm', (a) => a.unconfirmedIds.includes('fl_late'));
    expect(centre.sound.flag).toBe('high');
    const unit = await room.jodhpur.waitFor('alarm', (a) => a.unconfirmedIds.includes('fl_late'));
    expect(unit.sound).toMatchObject({ flag: 'high', escalated: true });
    expect(JSON.stringify(room.jaipur.events('alarm'))).not.toContain('fl_late');
    // The receipt ends it at both ends.
    await room.jodhpur.api.invoke('acknowledgeReceipt', { id: 'fl_late' });
    await room.centre.waitFor('alarm', (a) => !a.unconfirmedIds.includes('fl_late'));
    await room.jodhpur.waitFor('alarm', (a) => a.flagIds.length === 0 && a.sound.flag === null);
  });

  it('keeps the telephone path for a unit without a console, marked as such', async () => {
    room = await start();
    await room.dispatched('fl_phone', 'Jaipur', JAIPUR);
    const item = await room.centre.api.invoke('confirmDispatch', {
      id: 'fl_phone',
      operator: OPERATOR.name,
      confirmedBy: 'Duty Officer Testwal',
    });
    expect(item.dispatch?.progress).toMatchObject({ receivedBy: 'Duty Officer Testwal', via: 'telephone' });
  });

  it('shows the command centre each step of the unit live, and the flag closes as before', async () => {
    room = await start();
    await room.dispatched('fl_steps', 'Jodhpur', JODHPUR);
    // Steps wait for the receipt.
    await expect(
      room.jodhpur.api.invoke('recordUnitStep', { id: 'fl_steps', step: { kind: 'contact_made' } }),
    ).rejects.toMatchObject({ code: 'unit.not_received' });
    await room.jodhpur.api.invoke('acknowledgeReceipt', { id: 'fl_steps' });
    await room.jodhpur.api.invoke('recordUnitStep', {
      id: 'fl_steps',
      step: { kind: 'officers_sent', officers: 'SI Testwal and two constables' },
    });
    await room.centre.waitFor('queueChanged', (p) =>
      p.upserts.some((i) => i.id === 'fl_steps' && i.dispatch?.progress?.officersSentAtMs !== null),
    );
    await room.jodhpur.api.invoke('recordUnitStep', { id: 'fl_steps', step: { kind: 'contact_made' } });
    await room.centre.waitFor('queueChanged', (p) =>
      p.upserts.some((i) => i.id === 'fl_steps' && typeof i.dispatch?.progress?.contactAtMs === 'number'),
    );
    await room.jodhpur.api.invoke('recordUnitStep', {
      id: 'fl_steps',
      step: { kind: 'outcome', outcome: 'welfare_check_done', note: 'spoke with the family' },
    });
    await room.centre.waitFor('queueChanged', (p) =>
      p.upserts.some((i) => i.id === 'fl_steps' && i.dispatch?.progress?.outcome === 'welfare_check_done'),
    );
    const closed = await room.centre.api.invoke('closeFlag', {
      id: 'fl_steps',
      operator: OPERATOR.name,
      outcome: 'welfare_check_done',
    });
    expect(closed.state).toBe('closed');
    const kinds = (await room.centre.api.invoke('getFlagDetail', { id: 'fl_steps' })).events.map(
      (e) => e.kind,
    );
    expect(kinds).toEqual(expect.arrayContaining(['dispatched', 'unit_received', 'unit_step', 'closed']));
    // The unit still reads its closed flag (its check-ins come back to it), never acts on the close.
    expect((await room.jodhpur.api.invoke('getFlagDetail', { id: 'fl_steps' })).state).toBe('closed');
  });

  it('a hand-back returns the flag to the supervisor to route again; the chain is in the events and the audit', async () => {
    room = await start();
    await room.dispatched('fl_back', 'Jodhpur', JODHPUR);
    await room.jodhpur.api.invoke('acknowledgeReceipt', { id: 'fl_back' });
    const back = await room.jodhpur.api.invoke('handBack', {
      id: 'fl_back',
      reason: 'not in our area: student is in Bundi',
    });
    expect(back).toMatchObject({ state: 'acknowledged', dispatch: null, handBack: { unitKey: JODHPUR } });
    await room.supervisor.waitFor('queueChanged', (p) =>
      p.upserts.some((i) => i.id === 'fl_back' && i.handBack?.by === JODHPUR_DESK.name),
    );
    // Listed in the handover as waiting for the supervisor.
    const handover = await room.supervisor.api.invoke('getHandover', {});
    expect(handover.summary.carriedOver.find((c) => c.id === 'fl_back')).toMatchObject({
      nextAction: 'dispatch',
      handedBackBy: JODHPUR,
    });
    // An operator may not route it again; the supervisor does.
    const again = {
      id: 'fl_back',
      unitKey: 'bundi-control-room',
      called: 'Duty Officer Testwal',
      means: 'phone' as const,
      reason: 'handed back by Jodhpur: student is in Bundi',
    };
    await expect(
      room.centre.api.invoke('dispatch', { ...again, operator: OPERATOR.name }),
    ).rejects.toMatchObject({ kind: 'forbidden', code: 'dispatch.handed_back_supervisor' });
    const rerouted = await room.supervisor.api.invoke('dispatch', { ...again, operator: SUPERVISOR.name });
    expect(rerouted).toMatchObject({
      state: 'dispatched',
      dispatch: { unitKey: 'bundi-control-room' },
      handBack: null,
    });
    const detail = await room.supervisor.api.invoke('getFlagDetail', { id: 'fl_back' });
    expect(detail.events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['dispatched', 'unit_received', 'handed_back', 'dispatched']),
    );
    expect(detail.events.find((e) => e.kind === 'handed_back')).toMatchObject({
      actor: JODHPUR_DESK.name,
      detail: { unitKey: JODHPUR, reason: 'not in our area: student is in Bundi' },
    });
    const trail = audit(room, 'fl_back').map((a) => a.action);
    expect(trail).toEqual(expect.arrayContaining(['flag.unit_received', 'flag.handed_back']));
    expect(trail.filter((a) => a === 'flag.dispatched')).toHaveLength(2);
    // Handover: a dispatch still awaiting receipt is listed with its unit.
    const later = await room.supervisor.api.invoke('getHandover', {});
    expect(later.summary.carriedOver.find((c) => c.id === 'fl_back')).toMatchObject({
      nextAction: 'confirm',
      unitKey: 'bundi-control-room',
    });
  });
});
