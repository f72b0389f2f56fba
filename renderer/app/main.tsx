import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AlarmPlayer } from '../features/alarm/alarm-player';
import { SOUND_URLS } from '../features/alarm/sound-files';
import { fileSoundLoader } from '../features/alarm/sound-loader';
import { ApiContext } from '../api/api-context';
import { connectApi } from '../api/bridge';
import { App } from './App';
import { initI18n } from '../i18n/i18n';
import { windowState } from '../window-state/use-window-state';
import './styles.css';

initI18n(windowState.getState().session.language);
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
