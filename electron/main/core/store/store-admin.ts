// The narrow admin side of the seam, for the command line: the Store itself plus the few things
// only a key holder at the console machine does. The CLI works through this and never through an
// engine's own handle, so `lifeline account|purge` work alike whichever engine is behind it; only
// the CLI's opener (cli/open-for-command.ts) chooses the engine.
import type { Store } from './store';
import type { DeviceKind, DeviceSummary } from './store-types';

export interface StoreAdmin extends Store {
  /**
   * The key holder's release of an account (`lifeline account release --break-glass`): the lock is
   * lifted and the use recorded in the audit trail (with who said they did it and from where) in
   * one transaction, so the release is never on file without its record, nor the reverse.
   */
  breakGlassRelease(
    name: string,
    by: string,
    desk: string,
    atMs: number,
  ): Promise<{ name: string; wasLocked: boolean }>;

  /**
   * A one-time enrolment code for a device not enrolled yet (`lifeline device enrol`); only its
   * hash is kept, and an earlier unused code for the same name is withdrawn.
   */
  createEnrolment(input: {
    name: string;
    kind: DeviceKind;
    codeHash: string;
    by: string;
    atMs: number;
    ttlMs: number;
  }): Promise<{ expiresAtMs: number }>;

  /** Revokes the enrolled device of this name (`lifeline device revoke`); a running core cuts it off. */
  revokeDevice(name: string, by: string, atMs: number): Promise<DeviceSummary>;
}
