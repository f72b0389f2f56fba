// A real room core on loopback over TLS: simulator → poller → encrypted temp store → core → room
// server, with its own certificate made in a temp data directory, and the enrolment codes made
// the way `lifeline device enrol` makes them (straight into the database, another connection).
import type { AccountRole } from '../../shared/accounts';
import { logCollector } from './log-collector';
import { hashPassword } from '../../electron/main/core/accounts/passwords';
import { createConsoleCore, type ConsoleCore } from '../../electron/main/core/console-core';
import { defaultFeedConfig } from '../../electron/main/core/feed/poller';
import type { HostLimits } from '../../electron/main/core/host/host-limits';
import {
  loadOrCreateCoreCertificate,
  type CoreCertificate,
} from '../../electron/main/core/net/core-certificate';
import {
  ENROLMENT_CODE_TTL_MS,
  hashEnrolmentCode,
  newEnrolmentCode,
  normaliseEnrolmentCode,
} from '../../electron/main/core/net/device-secrets';
import type { EnrolLimits } from '../../electron/main/core/net/enrol-endpoint';
import type { PinnedCore } from '../../electron/main/core/net/room-client';
import { startRoomServer, type RoomServer } from '../../electron/main/core/net/room-server';
import { createEnrolment } from '../../electron/main/core/store/sqlite/device-queries';
import type { DeviceKind } from '../../electron/main/core/store/store';
import type { SqliteStore } from '../../electron/main/core/store/sqlite/sqlite-store';
import { startSimulator, type Simulator } from '../../electron/main/core/simulator/simulator-server';
import { openTempStore } from './temp-store';

export const OPERATOR = { name: 'Op Testroom', password: 'correct horse battery' };

export interface RoomRig {
  sim: Simulator;
  readonly core: ConsoleCore;
  readonly room: RoomServer;
  cert: CoreCertificate;
  sync: SqliteStore;
  pinned: PinnedCore;
  readonly logs: string[];
  waitForLog(pattern: RegExp): Promise<string>;
  /** As `lifeline device enrol` does it: returns the code to type at the device. */
  newCode(
    name: string,
    kind: DeviceKind,
    options?: { atMs?: number; ttlMs?: number; units?: readonly string[] },
  ): string;
  auditActions(): { action: string; target: string | null; detail: string }[];
  /** The core stops (its process would end; the store and the certificate stay) and starts again on the same port. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface RoomRigOptions {
  limits?: Partial<HostLimits>;
  enrolLimits?: Partial<EnrolLimits>;
  revocationCheckMs?: number;
  /** More accounts than OPERATOR (a district control room's unit accounts). */
  accounts?: { name: string; password: string; role: AccountRole; units?: string[] }[];
}

export async function startRoomRig(options: RoomRigOptions = {}): Promise<RoomRig> {
  const sim = await startSimulator({ token: 't0k3n', runId: 'r' });
  const { store, sync, dir } = openTempStore();
  await store.createAccount(
    { name: OPERATOR.name, role: 'operator', passwordHash: await hashPassword(OPERATOR.password) },
    'test',
    0,
  );
  for (const { password, ...account } of options.accounts ?? [])
    await store.createAccount({ ...account, passwordHash: await hashPassword(password) }, 'test', 0);
  const cert = await loadOrCreateCoreCertificate({ dataDir: dir });
  const collected = logCollector();
  const startCore = async (port = 0) => {
    const core = createConsoleCore({
      store,
      host: 'headless',
      version: 'test',
      feed: defaultFeedConfig({ baseUrl: sim.url, token: 't0k3n', pollIntervalMs: 200, training: true }),
      tickMs: 100,
      log: () => {},
    });
    await core.start();
    const room = await startRoomServer({
      core,
      store,
      tls: cert,
      listenHost: '127.0.0.1',
      port,
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.enrolLimits ? { enrolLimits: options.enrolLimits } : {}),
      revocationCheckMs: options.revocationCheckMs ?? 50,
      log: collected.log,
    });
    return { core, room };
  };
  let running = await startCore();
  return {
    sim,
    get core() {
      return running.core;
    },
    get room() {
      return running.room;
    },
    cert,
    sync,
    pinned: { url: `https://127.0.0.1:${running.room.port}`, fingerprint: cert.fingerprint },
    async restart() {
      const port = running.room.port;
      await running.room.close();
      await running.core.stop();
      running = await startCore(port);
    },
    logs: collected.logs,
    waitForLog: collected.waitForLog,
    newCode(name, kind, { atMs = Date.now(), ttlMs = ENROLMENT_CODE_TTL_MS, units } = {}) {
      const code = newEnrolmentCode();
      createEnrolment(sync.database, {
        name,
        kind,
        codeHash: hashEnrolmentCode(normaliseEnrolmentCode(code)!),
        by: 'Admin Testroom',
        atMs,
        ttlMs,
        ...(units ? { units } : {}),
      });
      return code;
    },
    auditActions: () =>
      sync.database
        .prepare<[], { action: string; target: string | null; detail: string }>(
          'SELECT action, target, detail_json AS detail FROM audit_log ORDER BY seq',
        )
        .all(),
    async close() {
      await running.room.close();
      await running.core.stop();
      await sim.close();
      sync.close();
    },
  };
}
