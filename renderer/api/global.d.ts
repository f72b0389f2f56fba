import type { ContractTransport } from '../../shared/contract-client';
import type { AudioProbe } from '../features/alarm/alarm-player';

declare global {
  interface Window {
    /** Exposed by the Electron preload (electron/preload/index.ts); absent in a plain browser. */
    lifeline?: ContractTransport;
    /** For end-to-end tests: proves the alarm is (or is not) really sounding. */
    lifelineAudioProbe?: () => AudioProbe;
  }
}

export {};
