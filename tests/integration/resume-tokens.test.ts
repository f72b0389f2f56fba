// The resume rule on a clock the test moves (shared/room/resume.ts): within the window a token
// brings its session back, past it not; time away counts toward the idle lock, so a desk idle past
// it comes back locked; an account locked since (failed logons) is refused; each use is audited.
import { expect, it } from 'vitest';
import { hashPassword } from '../../electron/main/core/accounts/passwords';
import { ResumeTokens } from '../../electron/main/core/accounts/resume-tokens';
import { SessionRegistry } from '../../electron/main/core/accounts/sessions';
import { RESUME_WINDOW_MS } from '../../shared/room/resume';
import { closedAfterEach, openTempStore } from '../helpers/temp-store';

const stores = closedAfterEach();
const OPERATOR = { name: 'Op Resumeclock', password: 'correct horse battery' };
const IDLE_MS = 5 * 60_000;

async function setUp() {
  const { store, sync } = openTempStore();
  stores.push(sync);
  await store.createAccount(
    { name: OPERATOR.name, role: 'operator', passwordHash: await hashPassword(OPERATOR.password) },
    'test',
    0,
  );
  let at = 1_000_000;
  const clock = { now: () => at, advance: (ms: number) => (at += ms) };
  // A core, and after a "restart" another one on the same store: nothing shared but the store.
  const core = () => {
    const sessions = new SessionRegistry(store, clock.now, IDLE_MS);
    return { sessions, resume: new ResumeTokens(store, sessions, clock.now, () => {}) };
  };
  const audit = () =>
    sync.database
      .prepare<[], { action: string; detail: string }>(
        "SELECT action, detail_json AS detail FROM audit_log WHERE action LIKE 'session.resum%' ORDER BY seq",
      )
      .all()
      .map((r) =>
        r.action === 'session.resumed' ? r.action : `${r.action}:${JSON.parse(r.detail).refusal}`,
      );
  return { store, sync, clock, core, audit };
}

async function loggedOn(core: ReturnType<Awaited<ReturnType<typeof setUp>>['core']>, connection: string) {
  await core.sessions.logon(connection, OPERATOR.name, OPERATOR.password);
  return (await core.resume.issue(connection, 'device-1'))!;
}

it('within the window a restarted core takes the session up; past it, it is refused', async () => {
  const { clock, core, audit } = await setUp();
  const first = core();
  const token = await loggedOn(first, 'c1');
  clock.advance(RESUME_WINDOW_MS - 1000);
  const second = core();
  const outcome = await second.resume.resume('c2', 'device-1', token);
  expect(outcome).toMatchObject({ ok: true, token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
  expect(second.sessions.get('c2')).toMatchObject({ user: { name: OPERATOR.name }, locked: false });

  // The link goes again and stays gone past the window.
  await second.resume.detach('c2');
  await second.sessions.end('c2');
  clock.advance(RESUME_WINDOW_MS + 1);
  const third = core();
  expect(await third.resume.resume('c3', 'device-1', (outcome as { token: string }).token)).toEqual({
    ok: false,
    refusal: 'expired',
  });
  expect(third.sessions.get('c3')).toBeNull();
  expect(audit()).toEqual(['session.resumed', 'session.resume_refused:expired']);
});

it('time away counts toward the idle lock: an idle session comes back locked', async () => {
  const { clock, core } = await setUp();
  const first = core();
  const token = await loggedOn(first, 'c1');
  // Idle at the desk for most of the idle time, then the core restarts and takes a minute.
  clock.advance(IDLE_MS - 30_000);
  await first.resume.beat(); // the core's beat writes the session's state (last activity unchanged)
  clock.advance(60_000);
  const second = core();
  expect(await second.resume.resume('c2', 'device-1', token)).toMatchObject({ ok: true });
  expect(second.sessions.get('c2')).toMatchObject({ locked: true });
});

it('an account locked out since is refused', async () => {
  const { store, clock, core } = await setUp();
  const first = core();
  const token = await loggedOn(first, 'c1');
  await first.resume.detach('c1');
  await store.updateAccount(OPERATOR.name, { lockedAtMs: clock.now() }, 'test', clock.now());
  expect(await core().resume.resume('c2', 'device-1', token)).toEqual({
    ok: false,
    refusal: 'account_locked',
  });
});
