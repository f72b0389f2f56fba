import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AlarmPlayer } from './alarm/alarm-player';
import { SOUND_URLS } from './alarm/sound-files';
import { fileSoundLoader } from './alarm/sound-loader';
import { ApiContext } from './api/api-context';
import { connectApi } from './api/bridge';
import { App } from './App';
import { initI18n } from './i18n';
import { appStore } from './state/app-store';
import './styles.css';

initI18n(appStore.getState().session.language);
const api = connectApi();
// One player for the window's lifetime, outside React, so re-renders never restart the sound.
const player = new AlarmPlayer(fileSoundLoader(SOUND_URLS));
window.lifelineAudioProbe = () => player.probe();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiContext value={api}>
      <App player={player} />
    </ApiContext>
  </StrictMode>,
);
