import type { ContractTransport } from '../../shared/contract-client';
import type { EnrolBridge } from '../../shared/room/enrol-contract';
import type { AudioProbe } from '../features/alarm/alarm-player';

declare global {
  interface Window {
    /** Exposed by the Electron preload (electron/preload/index.ts); absent in a plain browser. */
    lifeline?: ContractTransport;
    /** The enrolment screen's steps (electron/preload/index.ts); answered only under `--enrol`. */
    lifelineEnrol?: EnrolBridge;
    /** For end-to-end tests: proves the alarm is (or is not) really sounding. */
    lifelineAudioProbe?: () => AudioProbe;
  }
}

export {};
