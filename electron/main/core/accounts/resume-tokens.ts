// Resume tokens: a desk whose link was lost, or whose core restarted, takes its logon session up
// again on the new connection without a new logon prompt (shared/room/resume.ts has the rule).
// The transport says which device a connection is (`binding`); this core module knows no transport.
//
// The store holds only the token's hash, with what the idle lock needs: the session's last
// activity and whether it was locked (written at once on a lock, every RESUME_PERSIST_EVERY_MS
// otherwise, so after a crash the idle lock can only come early, never late). A token is used once:
// each resume issues the next. Logoff ends it; the link's loss does not, for RESUME_WINDOW_MS.
import crypto from 'node:crypto';
import { isLockedOut } from '../../../../shared/accounts';
import {
  RESUME_PERSIST_EVERY_MS,
  RESUME_TOKEN_PATTERN,
  RESUME_WINDOW_MS,
  resumeWithinWindow,
  type ResumeRefusal,
} from '../../../../shared/room/resume';
import type { Store } from '../store/store';
import type { SessionRegistry } from './sessions';

export type ResumeStore = Pick<
  Store,
  | 'saveResumeToken'
  | 'findResumeToken'
  | 'deleteResumeToken'
  | 'pruneResumeTokens'
  | 'getAccount'
  | 'recordAudit'
>;

export type ResumeOutcome = { ok: true; token: string } | { ok: false; refusal: ResumeRefusal };

interface Live {
  tokenHash: string;
  binding: string;
  issuedAtMs: number;
  persistedAtMs: number;
}

const hash = (token: string) => crypto.createHash('sha256').update(token, 'utf8').digest('hex');

export class ResumeTokens {
  private readonly live = new Map<string, Live>();

  constructor(
    private readonly store: ResumeStore,
    private readonly sessions: SessionRegistry,
    private readonly now: () => number,
    private readonly log: (line: string) => void,
    private readonly windowMs = RESUME_WINDOW_MS,
  ) {
    sessions.observe({
      // Logoff, a forced logoff, another logon on the same connection: the token dies with it.
      ended: (connection) => this.forget(connection),
      // Written now, not at the next beat: a core that crashes in between must not resume it unlocked.
      locked: (connection) => this.persist(connection),
    });
  }

  /** After a logon on a device's connection: the token its client keeps (in memory only). */
  async issue(connection: string, binding: string): Promise<string | null> {
    const session = this.sessions.get(connection);
    if (!session) return null;
    await this.forget(connection);
    const token = crypto.randomBytes(32).toString('base64url');
    const at = this.now();
    const live: Live = { tokenHash: hash(token), binding, issuedAtMs: at, persistedAtMs: at };
    await this.store.saveResumeToken({
      tokenHash: live.tokenHash,
      binding,
      account: session.user.name,
      locked: session.locked,
      lastActivityMs: session.lastActivityMs,
      lastSeenMs: at,
      issuedAtMs: at,
    });
    this.live.set(connection, live);
    return token;
  }

  /** A reconnecting device presents its token: the session is back on this connection, or why not. */
  async resume(connection: string, binding: string, token: string): Promise<ResumeOutcome> {
    const refuse = async (refusal: ResumeRefusal, account: string | null = null): Promise<ResumeOutcome> => {
      await this.store.recordAudit({
        atMs: this.now(),
        actor: account ?? `device:${binding}`,
        action: 'session.resume_refused',
        target: connection,
        detail: { refusal, binding },
      });
      return { ok: false, refusal };
    };
    if (!RESUME_TOKEN_PATTERN.test(token)) return refuse('unknown');
    const tokenHash = hash(token);
    const record = await this.store.findResumeToken(tokenHash);
    if (!record) return refuse('unknown');
    // From here on the token is spent whatever the outcome: the next one, if any, is issued below.
    await this.store.deleteResumeToken(tokenHash);
    if (record.binding !== binding) return refuse('other_device', record.account);
    if (!resumeWithinWindow(record.lastSeenMs, this.now(), this.windowMs))
      return refuse('expired', record.account);
    const account = await this.store.getAccount(record.account);
    if (!account) return refuse('account_gone', record.account);
    if (isLockedOut(account.locked_at_ms, this.now())) return refuse('account_locked', record.account);
    // The old connection may still look open here (a silent link the core has not yet dropped):
    // its session moves, it does not double.
    for (const [other, live] of this.live)
      if (live.tokenHash === tokenHash) {
        this.live.delete(other);
        await this.sessions.end(other);
      }
    await this.sessions.restore(
      connection,
      { name: account.name, role: account.role },
      { locked: record.locked, lastActivityMs: record.lastActivityMs },
    );
    const next = await this.issue(connection, binding);
    return next ? { ok: true, token: next } : refuse('unknown', record.account);
  }

  /**
   * The connection closed (link lost, window closed, core stopping): the token stays valid for the
   * window from now. Called before the session is ended, so that ending does not destroy it.
   */
  async detach(connection: string): Promise<void> {
    if (!this.live.has(connection)) return;
    await this.persist(connection);
    this.live.delete(connection);
  }

  /** The core's beat: live sessions' state written now and then, tokens past the window pruned. */
  async beat(): Promise<void> {
    const at = this.now();
    for (const [connection, live] of [...this.live])
      if (at - live.persistedAtMs >= RESUME_PERSIST_EVERY_MS) await this.persist(connection);
  }

  prune(): Promise<number> {
    return this.store.pruneResumeTokens(this.now() - this.windowMs);
  }

  private async persist(connection: string): Promise<void> {
    const live = this.live.get(connection);
    const session = this.sessions.get(connection);
    if (!live || !session) return;
    const at = this.now();
    live.persistedAtMs = at;
    await this.store
      .saveResumeToken({
        tokenHash: live.tokenHash,
        binding: live.binding,
        account: session.user.name,
        locked: session.locked,
        lastActivityMs: session.lastActivityMs,
        lastSeenMs: at,
        issuedAtMs: live.issuedAtMs,
      })
      .catch((error: unknown) => this.log(`resume token not written: ${(error as Error).name}`));
  }

  private async forget(connection: string): Promise<void> {
    const live = this.live.get(connection);
    if (!live) return;
    this.live.delete(connection);
    await this.store.deleteResumeToken(live.tokenHash);
  }
}
