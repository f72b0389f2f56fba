// A district control room's desk (the unit role): only the flags dispatched to its units (the core
// sends it nothing else), the alarm until receipt is acknowledged, the steps, and the hand-back.
// No map, no room queue, no wall, no handover or reports of the command centre.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../../shared/domain';
import type { UnitStep } from '../../../shared/unit-actions';
import { dispatchedToUnits } from '../../../shared/units';
import { useApi } from '../../api/api-context';
import { useRegistryLoad } from '../registry/registry-in-force';
import { failureText } from '../../i18n/failure-text';
import type { AlarmPlayer } from '../alarm/alarm-player';
import { UserBadge } from '../accounts/UserBadge';
import { useAccount } from '../accounts/useAccount';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { RiskBadge } from '../../ui/RiskBadge';
import { actions, useWindowState } from '../../window-state/use-window-state';
import type { WindowState } from '../../window-state/window-state';
import { selectAlarm } from '../../window-state/alarm/selectors';
import { selectLanguage, selectUser } from '../../window-state/session/selectors';
import { selectSelectedId } from '../../window-state/queue/selectors';
import { UnitFlagPanel } from './UnitFlagPanel';
import { RevealPanel } from '../detail/RevealPanel';
import { FollowUpForm } from '../dispatch/FollowUpForm';
import { useReveal } from '../detail/useReveal';
import { UnitTag, unitName } from './UnitTag';
import './units.css';

const selectItems = (s: WindowState) => s.queue.byId;

export function UnitDeskView({ player }: { player: AlarmPlayer }) {
  const { t } = useTranslation();
  const api = useApi();
  const user = useWindowState(selectUser);
  const language = useWindowState(selectLanguage);
  const alarm = useWindowState(selectAlarm);
  const byId = useWindowState(selectItems);
  const selectedId = useWindowState(selectSelectedId);
  const account = useAccount(api, actions);
  // Units are named as the registry in force names them (renamed or new units too).
  useRegistryLoad(api, user !== null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const items = [...byId.values()].sort(
    (a, b) => (a.dispatch?.atMs ?? a.receivedAtMs) - (b.dispatch?.atMs ?? b.receivedAtMs),
  );
  const selected = selectedId ? (byId.get(selectedId) ?? null) : null;
  const units = (user?.units ?? []).map((key) => unitName(key, language)).join(', ');
  // Reveal with a reason, audited, as at the command centre: the core allows it on this unit's flags only.
  const reveal = useReveal(api, selected?.id ?? null);

  const act = async (run: () => Promise<QueueItem>) => {
    setBusy(true);
    setError(null);
    try {
      const item = await run();
      // A hand-back's answer is the flag back at the command centre: no longer this desk's.
      if (dispatchedToUnits(item, user?.units ?? [])) actions.queue.upsert([item]);
      else actions.queue.remove([item.id]);
    } catch (failure) {
      setError(failureText(failure));
    } finally {
      setBusy(false);
    }
  };
  const id = selected?.id ?? '';

  return (
    <div className="unit-desk" data-testid="unit-desk">
      <header className="unit-header">
        <h1 data-testid="unit-title">{t('unitDesk.title', { units })}</h1>
        <LanguageSwitch language={language} onChange={actions.session.setLanguage} />
        <button type="button" onClick={() => void player.resume()} data-testid="unit-enable-sound">
          🔊
        </button>
        {user && <UserBadge user={user} onLogoff={() => void account.run('logoff', {})} />}
      </header>
      {alarm.flagIds.length > 0 && (
        <div
          className={`unit-alarm${alarm.unconfirmedIds.length > 0 ? ' unit-alarm--overdue' : ''}`}
          role="alert"
          data-testid="unit-alarm"
          data-overdue={alarm.unconfirmedIds.length > 0 ? 'true' : 'false'}
        >
          {alarm.unconfirmedIds.length > 0
            ? t('unitDesk.overdue', { count: alarm.unconfirmedIds.length })
            : t('unitDesk.newDispatch', { count: alarm.flagIds.length })}
        </div>
      )}
      <main className="unit-main">
        <ul className="unit-queue" data-testid="unit-queue">
          {items.length === 0 && <li className="unit-empty">{t('unitDesk.empty')}</li>}
          {items.map((item) => (
            <li
              key={item.id}
              data-testid="unit-row"
              data-flag-id={item.id}
              aria-selected={item.id === selectedId}
              className={`unit-row${alarm.flagIds.includes(item.id) ? ' unit-row--waiting' : ''}`}
              onClick={() => actions.queue.select(item.id)}
            >
              <RiskBadge risk={item.risk} />
              <span className="unit-case">{item.caseNo}</span>
              <span className="unit-status">
                {item.dispatch?.confirmedAtMs === null ? (
                  t('unitDesk.awaitingReceipt')
                ) : (
                  <UnitTag item={item} language={language} />
                )}
                {item.followUp && <span className="tag">{t('unitDesk.followUpDue')}</span>}
              </span>
            </li>
          ))}
        </ul>
        <div className="unit-detail">
          {selected ? (
            <UnitFlagPanel
              key={selected.id}
              item={selected}
              language={language}
              busy={busy}
              error={error}
              onReceive={() => void act(() => api.invoke('acknowledgeReceipt', { id }))}
              onStep={(step: UnitStep) => void act(() => api.invoke('recordUnitStep', { id, step }))}
              onHandBack={(reason) => void act(() => api.invoke('handBack', { id, reason }))}
            />
          ) : (
            <p className="unit-select">{t('unitDesk.select')}</p>
          )}
          {selected?.followUp && (
            // The welfare check-ins that fall due on this unit's flags are the unit's to record.
            <FollowUpForm
              key={`follow-up-${selected.id}-${selected.followUp.sequence}`}
              followUp={selected.followUp}
              operatorValid={user !== null}
              pending={busy}
              onRecord={(sequence, outcome, note) =>
                void act(() =>
                  api.invoke('recordFollowUp', {
                    id,
                    sequence,
                    operator: user?.name ?? '',
                    outcome,
                    ...(note.trim() ? { note } : {}),
                  }),
                )
              }
            />
          )}
          {selected && (
            <RevealPanel
              key={`reveal-${selected.id}`}
              personal={reveal.personal}
              language={language}
              operatorValid={user !== null}
              pending={reveal.pending}
              error={reveal.error}
              onReveal={(reason) => reveal.reveal(user?.name ?? '', reason)}
              onHide={reveal.hide}
            />
          )}
        </div>
      </main>
    </div>
  );
}
