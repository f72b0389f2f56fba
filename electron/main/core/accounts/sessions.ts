// Who is logged on at each window or WebSocket connection, and the logon rules: every failed logon
// gets the same answer whether the name exists or not; five failures (logons or desk unlocks) in
// fifteen minutes lock the account for fifteen minutes; a desk idle longer than the configured
// minutes is locked here in main, whatever the page does; a locked desk accepts only its own user's
// password or a logoff, and the unlock failure that locks the account ends the session.
import { idleLockDue, isLockedOut, LOCKOUT_PARAMS, type SessionUser } from '../../../../shared/accounts';
import { coded, ContractError } from '../../../../shared/errors';
import type { Store } from '../store/store';
import { decoyHash, hashPassword, needsRehash, verifyPassword } from './passwords';

export interface Session {
  user: SessionUser;
  locked: boolean;
  /** The last operator activity on this connection (shared/accounts.ts ACTIVITY_CHANNELS). */
  lastActivityMs: number;
}

/** Told when a session ends or locks (resume-tokens.ts keeps its stored copy in step). */
export interface SessionObserver {
  ended(connection: string): void | Promise<void>;
  locked(connection: string): void | Promise<void>;
}

export class SessionRegistry {
  private readonly byConnection = new Map<string, Session>();
  /** Connections of a district control room's desk (enrolled for units): their units, logged on or not. */
  private readonly deviceUnits = new Map<string, readonly string[]>();
  private observer: SessionObserver | null = null;

  constructor(
    private readonly store: Store,
    private readonly now: () => number,
    private readonly idleLockMs: number,
  ) {}

  observe(observer: SessionObserver): void {
    this.observer = observer;
  }

  /**
   * This connection is a desk enrolled for these units (core/net/room-server.ts): it sees only their
   * flags from now on, whoever is logged on, and only their unit accounts may log on at it. Returns
   * the release, for when the connection ends.
   */
  bindDevice(connection: string, units: readonly string[]): () => void {
    this.deviceUnits.set(connection, [...units]);
    return () => void this.deviceUnits.delete(connection);
  }

  /** The units this connection's device was enrolled for; null for a room device or a window. */
  deviceUnitsOf(connection: string): readonly string[] | null {
    return this.deviceUnits.get(connection) ?? null;
  }

  /**
   * At a desk enrolled for units only a unit account whose units are all among them may be
   * logged on (a command centre account or another district's would see flags not its own, or
   * widen the desk's view): refused after the password check, audited, and not counted as a failure.
   */
  private async refuseAtBoundDevice(connection: string, user: Pick<SessionUser, 'name' | 'role' | 'units'>) {
    const bound = this.deviceUnits.get(connection);
    if (!bound) return;
    if (user.role === 'unit' && (user.units ?? []).length > 0 && user.units!.every((u) => bound.includes(u)))
      return;
    await this.store.recordAudit({
      atMs: this.now(),
      actor: user.name,
      action: 'session.logon_refused_device',
      target: user.name,
      detail: { accountRole: user.role, units: user.units ?? [], deviceUnits: [...bound] },
    });
    throw new ContractError('forbidden', coded('session.device_units', { units: bound.join(', ') }));
  }

  /** The connections with a session now (resume-tokens.ts writes their state). */
  connections(): string[] {
    return [...this.byConnection.keys()];
  }

  /**
   * A session taken up again on a new connection (resume-tokens.ts checked the token, the device and
   * the account). The idle lock is applied at once: time away counts as idle time.
   */
  async restore(connection: string, user: SessionUser, state: { locked: boolean; lastActivityMs: number }) {
    await this.refuseAtBoundDevice(connection, user);
    await this.end(connection);
    const session: Session = { user, locked: state.locked, lastActivityMs: state.lastActivityMs };
    this.byConnection.set(connection, session);
    await this.store.logSession(user.name, 'resumed', connection, this.now());
    await this.lockIfIdle(connection, session);
    return session;
  }

  /** The session as it stands, without applying the idle lock (see `current`). */
  get(connection: string): Session | null {
    return this.byConnection.get(connection) ?? null;
  }

  /** The session with the idle lock applied first: what every guarded channel and getSession see. */
  async current(connection: string): Promise<Session | null> {
    const session = this.byConnection.get(connection);
    if (session) await this.lockIfIdle(connection, session);
    return session ?? null;
  }

  /** An operator did something at this desk: the idle lock counts from now. */
  touch(connection: string): void {
    const session = this.byConnection.get(connection);
    if (session && !session.locked) session.lastActivityMs = this.now();
  }

  /** Locks every session idle past its time (the core's tick), so the log shows when it happened. */
  async lockIdleSessions(): Promise<void> {
    for (const [connection, session] of [...this.byConnection]) await this.lockIfIdle(connection, session);
  }

  async logon(connection: string, name: string, password: string): Promise<SessionUser> {
    const at = this.now();
    const account = await this.store.getAccount(name);
    // Verified even when the name is unknown or locked, so every refusal takes as long as any other.
    const matches = await verifyPassword(password, account?.password_hash ?? (await decoyHash()));
    if (!account || isLockedOut(account.locked_at_ms, at) || !matches) {
      await this.store.recordLogonFailure(name, connection, at);
      throw new ContractError('forbidden', coded('session.logon_refused', LOCKOUT_PARAMS));
    }
    // Only once the password is right: a wrong one gets the same answer here as at any desk.
    await this.refuseAtBoundDevice(connection, {
      name: account.name,
      role: account.role,
      ...(account.units ? { units: account.units } : {}),
    });
    // A lock that ran its time is cleared; a hash made with older scrypt parameters is made again
    // with the current ones (the password is at hand only now). Both audited, as 'system'.
    const change: { lockedAtMs?: null; passwordHash?: string } = {};
    if (account.locked_at_ms !== null) change.lockedAtMs = null;
    if (needsRehash(account.password_hash)) change.passwordHash = await hashPassword(password);
    if (Object.keys(change).length > 0) await this.store.updateAccount(account.name, change, 'system', at);
    await this.end(connection);
    await this.store.logSession(account.name, 'logon', connection, at);
    // A unit account's units go with its session: the core's need-to-know reads them (core/units/).
    const user: SessionUser = {
      name: account.name,
      role: account.role,
      ...(account.units ? { units: account.units } : {}),
    };
    this.byConnection.set(connection, { user, locked: false, lastActivityMs: at });
    return user;
  }

  async createFirstAdministrator(connection: string, name: string, password: string): Promise<SessionUser> {
    const at = this.now();
    // Not from a district control room's desk: the first account is the command centre's.
    await this.refuseAtBoundDevice(connection, { name, role: 'administrator' });
    await this.store.createAccount(
      { name, role: 'administrator', passwordHash: await hashPassword(password) },
      name,
      at,
      { onlyIfFirst: true },
    );
    return this.logon(connection, name, password);
  }

  /** Logoff, or the window closing / the connection dropping. */
  async end(connection: string, kind: 'logoff' | 'logoff_forced' = 'logoff'): Promise<void> {
    const session = this.byConnection.get(connection);
    if (!session) return;
    this.byConnection.delete(connection);
    await this.observer?.ended(connection);
    await this.store.logSession(session.user.name, kind, connection, this.now());
  }

  async lock(connection: string): Promise<void> {
    const session = this.require(connection);
    if (session.locked) return;
    session.locked = true;
    await this.observer?.locked(connection);
    await this.store.logSession(session.user.name, 'desk_locked', connection, this.now());
  }

  async unlock(connection: string, password: string): Promise<SessionUser> {
    const session = this.require(connection);
    const at = this.now();
    const account = await this.store.getAccount(session.user.name);
    const matches = await verifyPassword(password, account?.password_hash ?? (await decoyHash()));
    if (!account || isLockedOut(account.locked_at_ms, at) || !matches) {
      // Unlock guesses count toward the account's lockout like logon guesses; once it is locked,
      // this desk is logged off rather than left open to more.
      const locked = await this.store.recordLogonFailure(session.user.name, connection, at, 'unlock_failed');
      if (!locked) throw new ContractError('forbidden', coded('session.unlock_refused', {}));
      await this.end(connection, 'logoff_forced');
      throw new ContractError('forbidden', coded('session.unlock_ended', LOCKOUT_PARAMS));
    }
    session.locked = false;
    session.lastActivityMs = at;
    await this.store.logSession(session.user.name, 'desk_unlocked', connection, at);
    return session.user;
  }

  private async lockIfIdle(connection: string, session: Session): Promise<void> {
    if (session.locked || !idleLockDue(session.lastActivityMs, this.now(), this.idleLockMs)) return;
    session.locked = true;
    await this.observer?.locked(connection);
    await this.store.logSession(session.user.name, 'desk_idle_locked', connection, this.now());
  }

  private require(connection: string): Session {
    const session = this.byConnection.get(connection);
    if (!session) throw new ContractError('forbidden', coded('session.none', {}));
    return session;
  }
}
