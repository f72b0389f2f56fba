import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AlarmPlayer } from '../features/alarm/alarm-player';
import { SOUND_URLS } from '../features/alarm/sound-files';
import { fileSoundLoader } from '../features/alarm/sound-loader';
import { ApiContext } from '../api/api-context';
import { connectApi } from '../api/bridge';
import { App } from './App';
import { EnrolView } from '../features/enrol/EnrolView';
import { languageFromHash } from './view-route';
import { initI18n } from '../i18n/i18n';
import { windowState } from '../window-state/use-window-state';
import './styles.css';

const enrolling = new URLSearchParams(location.hash.replace(/^#/, '')).get('view') === 'enrol';
const root = createRoot(document.getElementById('root')!);

if (enrolling) {
  // `lifeline-console --enrol`: no core yet, so no contract; only the enrolment screen.
  const language = languageFromHash(location.hash) ?? windowState.getState().session.language;
  const i18n = initI18n(language);
  const render = (lang: typeof language) => {
    void i18n.changeLanguage(lang);
    document.documentElement.lang = lang;
    root.render(
      <StrictMode>
        <EnrolView bridge={window.lifelineEnrol} language={lang} onLanguage={render} />
      </StrictMode>,
    );
  };
  render(language);
} else {
  initI18n(windowState.getState().session.language);
  const api = connectApi();
  // One player for the window's lifetime, outside React, so re-renders never restart the sound.
  const player = new AlarmPlayer(fileSoundLoader(SOUND_URLS));
  window.lifelineAudioProbe = () => player.probe();

  root.render(
    <StrictMode>
      <ApiContext value={api}>
        <App player={player} />
      </ApiContext>
    </StrictMode>,
  );
}
