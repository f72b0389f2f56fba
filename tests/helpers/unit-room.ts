// A command centre and two district control rooms on one host: the command centre's operator and
// supervisor, a Jodhpur unit desk and a Jaipur unit desk, each a real WebSocket client. Invented
// people only.
import type { HostRig } from './host-rig';
import { DESK_TOKEN, OPERATOR, startHostRig } from './host-rig';
import { makeFlag } from './flags';
import { connectRoomClient, type RoomClient } from './room-client';
import type { ConsoleCoreOptions } from '../../electron/main/core/console-core';

export const JODHPUR = 'jodhpur-control-room';
export const JAIPUR = 'jaipur-control-room';
export const SUPERVISOR = { name: 'Sup Testwal', password: 'correct horse battery' };
export const JODHPUR_DESK = { name: 'Unit Marwarwal', password: 'correct horse battery' };
export const JAIPUR_DESK = { name: 'Unit Gulabiwal', password: 'correct horse battery' };

export interface UnitRoom {
  rig: HostRig;
  centre: RoomClient;
  supervisor: RoomClient;
  jodhpur: RoomClient;
  jaipur: RoomClient;
  clients: RoomClient[];
  /** A flag located in this district, acknowledged by the command centre and dispatched to the unit. */
  dispatched(id: string, district: 'Jodhpur' | 'Jaipur', unitKey: string): Promise<void>;
  close(): Promise<void>;
}

export async function startUnitRoom(core: Partial<ConsoleCoreOptions> = {}): Promise<UnitRoom> {
  const rig = await startHostRig({
    accounts: [
      { ...SUPERVISOR, role: 'supervisor' },
      { ...JODHPUR_DESK, role: 'unit', units: [JODHPUR] },
      { ...JAIPUR_DESK, role: 'unit', units: [JAIPUR] },
    ],
    core,
  });
  const clients: RoomClient[] = [];
  const connect = async (who: { name: string; password: string }) => {
    const client = connectRoomClient(rig, DESK_TOKEN);
    clients.push(client);
    await client.waitForState('connected');
    await client.api.invoke('reportClientState', { visibility: 'visible', audio: 'ok' });
    await client.api.invoke('logon', { ...who, bannerAccepted: true });
    return client;
  };
  const centre = await connect(OPERATOR);
  const supervisor = await connect(SUPERVISOR);
  const jodhpur = await connect(JODHPUR_DESK);
  const jaipur = await connect(JAIPUR_DESK);
  return {
    rig,
    centre,
    supervisor,
    jodhpur,
    jaipur,
    clients,
    async dispatched(id, district, unitKey) {
      rig.sim.publish(
        makeFlag({ id, risk: 'high', location: { district, city: district, source: 'profile' } }),
      );
      await centre.waitFor('alarm', (a) => a.flagIds.includes(id));
      await centre.api.invoke('acknowledge', { id, operator: OPERATOR.name });
      await centre.api.invoke('dispatch', {
        id,
        operator: OPERATOR.name,
        unitKey,
        called: 'Duty Officer Testwal',
        means: 'cctns',
        reason: 'as routed by the district named',
      });
    },
    async close() {
      for (const client of clients.splice(0)) client.close();
      await rig.close();
    },
  };
}
