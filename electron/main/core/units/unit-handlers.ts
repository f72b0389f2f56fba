// The unit role's channels: receipt, steps and hand-back, on the flag's current dispatch. The scope
// (unit-scope.ts) has already checked that the flag was dispatched to one of the session's units;
// who acts is the logged-on unit operator, never a name the page sent.
import type { CallContext, InvokeHandlers } from '../../../../shared/contract';
import type { QueueItem } from '../../../../shared/domain';
import { coded, ContractError } from '../../../../shared/errors';
import type { UnitAction } from '../../../../shared/unit-actions';
import type { SessionRegistry } from '../accounts/sessions';
import type { Store } from '../store/store';
import { unitReportOf } from '../reports/unit-figures';

export interface UnitHandlerDeps {
  store: Store;
  sessions: SessionRegistry;
  now: () => number;
  openItem: (id: string) => QueueItem | undefined;
  /** Pushes the changed flag to every screen (and re-evaluates the alarms). */
  applyChanges: (items: QueueItem[]) => void;
}

type UnitChannels = 'acknowledgeReceipt' | 'recordUnitStep' | 'handBack' | 'getUnitReport';

export function unitHandlers(deps: UnitHandlerDeps): Pick<InvokeHandlers, UnitChannels> {
  const { store, sessions, now } = deps;
  async function act(
    id: string,
    context: CallContext,
    action: (unitKey: string) => UnitAction,
  ): Promise<QueueItem> {
    const user = sessions.get(context.connection)!.user; // the guard let only a logged-on unit through
    const current = deps.openItem(id) ?? (await store.getFlagDetail(id));
    const unitKey = current?.dispatch?.unitKey;
    if (!current || !unitKey || !(user.units ?? []).includes(unitKey))
      throw new ContractError(
        'conflict',
        coded('unit.not_dispatched', { caseNo: current?.caseNo ?? id }),
        'id',
      );
    const item = await store.recordUnitAction(id, action(unitKey), user.name, now());
    deps.applyChanges([item]);
    return item;
  }
  return {
    acknowledgeReceipt: async ({ id }, context) =>
      act(id, context, (unitKey) => ({ kind: 'receipt', unitKey })),
    recordUnitStep: async ({ id, step }, context) =>
      act(id, context, (unitKey) => ({ kind: 'step', unitKey, step })),
    handBack: async ({ id, reason }, context) =>
      act(id, context, (unitKey) => ({ kind: 'hand_back', unitKey, reason })),
    // Audited where the figures leave main, as the room's report is (report.read).
    getUnitReport: async ({ fromMs, toMs }, context) => {
      const user = sessions.get(context.connection)!.user;
      await store.recordAudit({
        atMs: now(),
        actor: user.name,
        action: 'report.unit_read',
        target: null,
        detail: { fromMs, toMs, units: user.units ?? [] },
      });
      return unitReportOf(await store.unitDispatchRows({ fromMs, toMs }), { fromMs, toMs }, now());
    },
  };
}
