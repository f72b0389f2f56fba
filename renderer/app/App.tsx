import { useEffect, useSyncExternalStore, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlarmPlayer } from '../features/alarm/alarm-player';
import { useApi } from '../api/api-context';
import { TrainingBanner } from './TrainingBanner';
import { FeedLossBanner } from '../features/feed/FeedLossBanner';
import { useNow } from '../ui/useNow';
import { selectFeedHealth } from '../window-state/feed/selectors';
import { AccountGate } from '../features/accounts/AccountGate';
import { useAlarmSound } from '../features/alarm/useAlarmSound';
import { useAudioOutputs } from '../features/alarm/useAudioOutputs';
import { useContractSync } from './useContractSync';
import { useClientReport } from '../features/room/useClientReport';
import { useClientStates } from '../features/room/useClientStates';
import { actions, useWindowState } from '../window-state/use-window-state';
import { selectLanguage, selectRole, selectTraining } from '../window-state/session/selectors';
import { languageFromHash, shiftFromHash, viewFromHash, type ViewName } from './view-route';
import { DeskView } from '../features/desk/DeskView';
import { HandoverView } from '../features/handover/HandoverView';
import { WallView } from '../features/wall/WallView';
import { ReportsView } from '../features/reports/ReportsView';

function subscribeHash(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}
const hashView = () => viewFromHash(location.hash);
const hashLanguage = () => languageFromHash(location.hash);
const hashShift = () => shiftFromHash(location.hash);

/**
 * The alarm belongs to the window, not to a view: it sounds whichever view is on screen. A
 * component of its own because it reads the clock every second, and in App that re-rendered every
 * view with it (a report's charts took 100–600 ms a second).
 */
function AlarmSound({ player }: { player: AlarmPlayer }) {
  useAlarmSound(player, actions);
  return null;
}

/**
 * A lost feed on every desk-side screen (desk, handover, reports, logon and lock), above all else;
 * the wall places its own. Its own component for the same reason as AlarmSound: it ticks each second.
 */
function FeedLoss() {
  const health = useWindowState(selectFeedHealth);
  const nowMs = useNow();
  return <FeedLossBanner health={health} nowMs={nowMs} variant="desk" />;
}

export function App({ player }: { player: AlarmPlayer }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const askedView = useSyncExternalStore(subscribeHash, hashView);
  const askedLanguage = useSyncExternalStore(subscribeHash, hashLanguage);
  const askedShift = useSyncExternalStore(subscribeHash, hashShift);
  const role = useWindowState(selectRole);
  // A wall connection is a wall whatever its URL says: it may not open a flag's details (nor a handover).
  const view: ViewName = role === 'wall' ? 'wall' : askedView;
  const deskLanguage = useWindowState(selectLanguage);
  const language = view === 'wall' ? (askedLanguage ?? deskLanguage) : deskLanguage;
  const training = useWindowState(selectTraining);

  useContractSync(api, actions);
  useAudioOutputs(actions);
  // Every page, logged on or not, tells the core whether it is seen and can sound the alarm.
  const presence = { self: useClientReport(api), clients: useClientStates(api) };

  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  useEffect(() => {
    const suffix: Record<ViewName, string | null> = {
      desk: null,
      wall: t('wall.label'),
      handover: askedShift ? `${t('handover.ui.title')} ${askedShift}` : t('handover.ui.title'),
      reports: t('reports.title'),
    };
    const name = suffix[view] ? `${t('app.name')} — ${suffix[view]}` : t('app.name');
    document.title = training ? t('app.trainingTitle', { name }) : name;
  }, [t, training, view, askedShift]);

  const views: Record<ViewName, () => ReactElement> = {
    desk: () => (
      <AccountGate>
        <DeskView player={player} presence={presence} />
      </AccountGate>
    ),
    wall: () => <WallView language={language} presence={presence} />,
    // Keyed by shift: another shift's handover starts with empty notes and forms.
    reports: () => (
      <AccountGate>
        <ReportsView />
      </AccountGate>
    ),
    handover: () => (
      <AccountGate>
        <HandoverView key={askedShift ?? 'current'} shiftId={askedShift} />
      </AccountGate>
    ),
  };

  return (
    <div className={`app${training ? ' app--training' : ''}`} data-view={view}>
      <AlarmSound player={player} />
      <TrainingBanner training={training} />
      {view !== 'wall' && <FeedLoss />}
      {views[view]()}
    </div>
  );
}
