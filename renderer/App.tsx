import { useEffect, useSyncExternalStore, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlarmPlayer } from './alarm/alarm-player';
import { useApi } from './api/api-context';
import { TrainingBanner } from './components/TrainingBanner';
import { useAlarmSound } from './hooks/useAlarmSound';
import { useContractSync } from './hooks/useContractSync';
import { actions, useAppStore } from './state/app-store';
import { selectLanguage, selectTraining } from './state/session/selectors';
import { viewFromHash, type ViewName } from './view-route';
import { DeskView } from './views/DeskView';

function subscribeHash(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}
const hashView = () => viewFromHash(location.hash);

export function App({ player }: { player: AlarmPlayer }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const view = useSyncExternalStore(subscribeHash, hashView);
  const language = useAppStore(selectLanguage);
  const training = useAppStore(selectTraining);

  useContractSync(api, actions);
  // The alarm belongs to the window, not to a view: it sounds whichever view is on screen.
  useAlarmSound(player, actions);

  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  useEffect(() => {
    document.title = training ? `${t('app.name')} — TRAINING` : t('app.name');
  }, [t, training]);

  const views: Record<ViewName, () => ReactElement> = {
    desk: () => <DeskView player={player} />,
  };

  return (
    <div className={`app${training ? ' app--training' : ''}`} data-view={view}>
      <TrainingBanner training={training} />
      {views[view]()}
    </div>
  );
}
