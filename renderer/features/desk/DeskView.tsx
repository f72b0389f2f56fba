// The operator desk: the one place that reads the window state and talks to main; the components under
// it only take props.
import { feedLoss } from '../../../shared/feed-loss';
import { awaitsAcknowledgement } from '../../../shared/acknowledgement';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { AlarmPlayer } from '../alarm/alarm-player';
import { useApi } from '../../api/api-context';
import { AlarmBanners } from '../alarm/AlarmBanners';
import { AlarmBar } from '../alarm/AlarmBar';
import { OwnSoundLostBanner, RoomPresence } from '../room/RoomPresence';
import { LinkLostBanner, NoDeskBanner, RoomNotices, useRoomNotices } from '../room/RoomBanners';
import { HoldBar } from '../room/HoldBar';
import { useHold } from '../room/useHold';
import type { Presence } from '../room/useClientReport';
import { clientAudioOf } from '../room/client-report';
import { DETAIL_PANEL_ID, DetailPanel } from '../detail/DetailPanel';
import { Header } from './Header';
import { AreaFilterBar } from '../map/AreaFilterBar';
import { DistrictMap } from '../map/DistrictMap';
import { QuarantinePanel } from '../feed/QuarantinePanel';
import { UndoCloseBar, type RecentClose } from '../dispatch/UndoCloseBar';
import { RegistryPanel } from '../registry/RegistryPanel';
import { useRegistryLoad } from '../registry/registry-in-force';
import { useUnitContacts } from '../dispatch/useUnitContacts';
import { QUEUE_LIST_ID, QueueList } from '../queue/QueueList';
import { useAcknowledge } from '../queue/useAcknowledge';
import { useReveal } from '../detail/useReveal';
import { useAccount } from '../accounts/useAccount';
import { useCaseSteps } from '../dispatch/useCaseSteps';
import { useAlarmBar } from '../alarm/useAlarmBar';
import { useFlagDetail } from '../detail/useFlagDetail';
import { useNow } from '../../ui/useNow';
import { QUARANTINE_LIMIT, useQuarantine } from '../feed/useQuarantine';
import { useShiftClock } from '../../ui/useShiftClock';
import {
  selectEscalatedSet,
  selectFlood,
  selectNoDesk,
  selectSound,
  selectTooQuiet,
} from '../../window-state/alarm/selectors';
import { actions, windowState, useWindowState } from '../../window-state/use-window-state';
import {
  selectConnection,
  selectFeedHealth,
  selectFeedSeverity,
  selectQuarantineUnseen,
} from '../../window-state/feed/selectors';
import {
  neighbourId,
  selectCounts,
  selectSelectedId,
  selectSelectedItem,
  selectAreaFilter,
  selectOpenByArea,
} from '../../window-state/queue/selectors';
import { selectDeskGroups } from '../../window-state/queue/groups';
import {
  selectLanguage,
  selectOperatorName,
  selectOperatorValid,
  selectUser,
} from '../../window-state/session/selectors';
import { hashFor } from '../../app/view-route';
import { soundVerification } from '../../../shared/sound-check';

export function DeskView({ player, presence }: { player: AlarmPlayer; presence: Presence }) {
  const { t } = useTranslation();
  const api = useApi();
  const nowMs = useNow();
  const groups = useWindowState(selectDeskGroups);
  const byArea = useWindowState(selectOpenByArea);
  const areaFilter = useWindowState(selectAreaFilter);
  const counts = useWindowState(selectCounts);
  const selectedId = useWindowState(selectSelectedId);
  const selected = useWindowState(selectSelectedItem);
  const language = useWindowState(selectLanguage);
  const operatorName = useWindowState(selectOperatorName);
  const operatorValid = useWindowState(selectOperatorValid);
  const connection = useWindowState(selectConnection);
  const feed = useWindowState(
    useShallow((s) => ({
      health: selectFeedHealth(s),
      severity: selectFeedSeverity(s),
      connection: selectConnection(s),
    })),
  );
  const alarm = useWindowState(
    useShallow((s) => ({
      flagCount: s.alarm.current.flagIds.length,
      unconfirmedCount: s.alarm.current.unconfirmedIds.length,
      feedAlarm: s.alarm.current.feedAlarm,
      sound: selectSound(s),
      sounding: s.alarm.sounding,
    })),
  );
  const escalated = useWindowState(selectEscalatedSet);
  const flood = useWindowState(selectFlood);
  const tooQuiet = useWindowState(selectTooQuiet);
  const alarmBar = useAlarmBar(api, player, nowMs);
  // This desk's own entry in the room: its last "did you hear the test?" answer.
  const own = presence.self
    ? presence.clients.find((c) => c.role === presence.self!.role && c.number === presence.self!.number)
    : undefined;
  const ownCheck = own?.soundCheck ?? null;
  const soundCheck = {
    verification: soundVerification(ownCheck, clientAudioOf(alarm.sound), nowMs),
    check: ownCheck,
  };
  const shift = useShiftClock(nowMs);
  const quarantineUnseen = useWindowState(selectQuarantineUnseen);
  const quarantine = useQuarantine(api, actions, feed.health?.quarantinedTotal ?? null);

  const detail = useFlagDetail(api, selectedId, selected ? `${selected.revision}:${selected.state}` : '');
  const ack = useAcknowledge(api, actions);
  const caseSteps = useCaseSteps(api, actions);
  const reveal = useReveal(api, selectedId);
  const user = useWindowState(selectUser);
  const hold = useHold(api, selectedId, user?.role ?? null);
  const noDesk = useWindowState(selectNoDesk);
  const notices = useRoomNotices(api, nowMs);
  const account = useAccount(api, actions);
  const units = useUnitContacts(api);
  useRegistryLoad(api, user !== null);
  const [unitsOpen, setUnitsOpen] = useState(false);
  const [recentClose, setRecentClose] = useState<RecentClose | null>(null);
  const sendAcknowledge = ack.acknowledge;
  const pendingAckId = ack.pendingId;

  const [keyNotice, setKeyNotice] = useState<string | null>(null);
  // A notice is read, then goes: it must not stay as if it were still true.
  useEffect(() => {
    if (keyNotice === null) return;
    const timer = setTimeout(() => setKeyNotice(null), 5000);
    return () => clearTimeout(timer);
  }, [keyNotice]);

  const acknowledge = useCallback(
    (id: string) => {
      const state = windowState.getState();
      const item = state.queue.byId.get(id);
      // A second "A" while the first is on the wire would only come back as a conflict.
      if (!item || pendingAckId === id) return;
      if (!awaitsAcknowledgement(item)) return setKeyNotice(t('keys.notWaiting', { caseNo: item.caseNo }));
      setKeyNotice(null);
      if (selectOperatorValid(state)) sendAcknowledge(id, state.session.operatorName);
    },
    [sendAcknowledge, pendingAckId, t],
  );

  const nextWaiting = useCallback(() => {
    const state = windowState.getState();
    const { needs } = selectDeskGroups(state);
    if (needs.length === 0) return setKeyNotice(t('keys.noneWaiting'));
    const at = needs.findIndex((i) => i.id === state.queue.selectedId);
    setKeyNotice(null);
    actions.queue.select(needs[(at + 1) % needs.length]!.id);
  }, [t]);

  const toDispatch = useCallback(
    (id: string) => {
      const item = windowState.getState().queue.byId.get(id);
      if (!item) return;
      if (item.state !== 'acknowledged')
        return setKeyNotice(
          t(item.state === 'new' ? 'keys.ackFirst' : 'keys.notDispatchable', { caseNo: item.caseNo }),
        );
      setKeyNotice(null);
      document.querySelector<HTMLElement>('[data-testid="dispatch-unit"]')?.focus();
    },
    [t],
  );

  // After logon the hands go to the queue, not the page body (51 Tabs away before).
  useEffect(() => {
    document.getElementById(QUEUE_LIST_ID)?.focus();
  }, []);

  const move = useCallback((delta: number) => {
    const state = windowState.getState();
    actions.queue.select(neighbourId(selectDeskGroups(state).order, state.queue.selectedId, delta));
  }, []);

  const open = useCallback((id: string) => {
    actions.queue.select(id);
    document.getElementById(DETAIL_PANEL_ID)?.focus();
  }, []);

  return (
    <div className="desk" data-testid="desk-view">
      {/* A button, not a link: the hash is the view's route. Visible only when focused. */}
      <button
        type="button"
        className="skip-link"
        data-testid="skip-to-queue"
        onClick={() => document.getElementById(QUEUE_LIST_ID)?.focus()}
      >
        {t('keys.skip')}
      </button>
      <Header
        nowMs={nowMs}
        feed={feed}
        alarm={{ ...alarm, soundCheck }}
        user={user}
        onLogoff={() => void account.run('logoff', {})}
        onUnits={user?.role === 'administrator' ? () => setUnitsOpen(true) : null}
        onReports={
          user && user.role !== 'operator' ? () => (location.hash = hashFor(location.hash, 'reports')) : null
        }
        language={language}
        shift={shift}
        quarantine={{ unseen: quarantineUnseen, onOpen: () => quarantine.setOpen(true) }}
        onHandover={() => (location.hash = hashFor(location.hash, 'handover', shift?.current.id ?? null))}
        onEnableSound={() => void player.resume()}
        onLanguage={actions.session.setLanguage}
      />
      {/* Above the alarm bar: the silence form opens over the map, never over a room alarm. */}
      <AlarmBanners flood={flood} tooQuiet={tooQuiet} nowMs={nowMs} />
      <AlarmBar {...alarmBar} />
      <OwnSoundLostBanner
        lost={clientAudioOf(alarm.sound) === 'lost'}
        notHeard={soundCheck.verification === 'not_heard' ? ownCheck : null}
        language={language}
      />
      <RoomPresence clients={presence.clients} self={presence.self} variant="desk" />
      <NoDeskBanner active={noDesk} variant="desk" />
      <LinkLostBanner connection={connection} variant="desk" />
      <RoomNotices notices={notices} />
      <main className="desk-main">
        <div className="desk-left">
          <DistrictMap
            counts={byArea}
            language={language}
            variant="desk"
            selected={areaFilter}
            onSelect={actions.queue.filterArea}
          />
          <AreaFilterBar
            area={areaFilter}
            language={language}
            onClear={() => actions.queue.filterArea(null)}
          />
          <QueueList
            groups={groups}
            counts={counts}
            escalated={escalated}
            selectedId={selectedId}
            nowMs={nowMs}
            language={language}
            onSelect={actions.queue.select}
            onMove={move}
            onOpen={open}
            onAcknowledge={acknowledge}
            onNextWaiting={nextWaiting}
            onDispatch={toDispatch}
            keyNotice={keyNotice}
            live={feedLoss(feed.health) === null}
          />
        </div>
        <div
          className="detail-wrap"
          onKeyDown={(e) => {
            if (e.key === 'Escape') document.getElementById(QUEUE_LIST_ID)?.focus();
          }}
        >
          <HoldBar
            item={selected}
            me={user?.name ?? null}
            nowMs={nowMs}
            pending={hold.pending}
            error={hold.error}
            onTakeOver={hold.takeOver}
          />
          <DetailPanel
            item={selected}
            detail={detail.detail}
            loading={detail.loading}
            loadError={detail.error}
            language={language}
            nowMs={nowMs}
            operatorValid={operatorValid}
            acknowledging={ack.pendingId !== null && ack.pendingId === selectedId}
            ackError={ack.error && ack.error.id === selectedId ? ack.error.message : null}
            onAcknowledge={acknowledge}
            onOpenRelated={(id) => {
              actions.queue.filterArea(null); // the other flag may be in another district
              actions.queue.select(id);
            }}
            reveal={{
              personal: reveal.personal,
              pending: reveal.pending,
              error: reveal.error,
              onReveal: (reason) => reveal.reveal(operatorName, reason),
              onHide: reveal.hide,
            }}
            steps={{
              contacts: units.byUnit,
              pending: caseSteps.pending !== null && caseSteps.pending.id === selectedId,
              error: caseSteps.error && caseSteps.error.id === selectedId ? caseSteps.error.message : null,
              onDispatch: (details) =>
                selectedId &&
                caseSteps.run('dispatch', { id: selectedId, operator: operatorName, ...details }),
              onConfirm: (confirmedBy) =>
                selectedId &&
                caseSteps.run('confirmDispatch', { id: selectedId, operator: operatorName, confirmedBy }),
              onClose: (outcome, note, reason) =>
                selectedId &&
                caseSteps.run(
                  'closeFlag',
                  {
                    id: selectedId,
                    operator: operatorName,
                    outcome,
                    ...(note.trim() ? { note } : {}),
                    ...(reason.trim() ? { reason } : {}),
                  },
                  (item) => setRecentClose({ id: item.id, caseNo: item.caseNo, outcome, atMs: Date.now() }),
                ),
              onFollowUp: (sequence, outcome, note) =>
                selectedId &&
                caseSteps.run('recordFollowUp', {
                  id: selectedId,
                  operator: operatorName,
                  sequence,
                  outcome,
                  ...(note.trim() ? { note } : {}),
                }),
            }}
          />
        </div>
      </main>
      <UndoCloseBar
        close={recentClose}
        nowMs={nowMs}
        pending={caseSteps.pending?.step === 'undoClose'}
        error={recentClose && caseSteps.error?.id === recentClose.id ? caseSteps.error.message : null}
        onUndo={(id) =>
          caseSteps.run('undoClose', { id, operator: operatorName }, (item) => {
            setRecentClose(null);
            actions.queue.select(item.id);
          })
        }
        onDismiss={() => setRecentClose(null)}
      />
      {unitsOpen && (
        <RegistryPanel
          api={api}
          contacts={units.byUnit}
          language={language}
          onSaveContact={units.save}
          onClose={() => setUnitsOpen(false)}
        />
      )}
      {quarantine.open && (
        <QuarantinePanel
          records={quarantine.records}
          error={quarantine.error}
          limit={QUARANTINE_LIMIT}
          language={language}
          onClose={() => quarantine.setOpen(false)}
        />
      )}
    </div>
  );
}
