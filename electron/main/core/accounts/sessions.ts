// Who is logged on at each window or WebSocket connection, and the logon rules: a wrong name and a
// wrong password get the same answer, five failures in fifteen minutes lock the account, and a
// locked desk accepts only its own user's password or a logoff.
import { LOCKOUT, type SessionUser } from '../../../../shared/accounts';
import { ContractError } from '../../../../shared/errors';
import type { Store } from '../store/store';
import { hashPassword, verifyPassword } from './passwords';

export interface Session {
  user: SessionUser;
  locked: boolean;
}

const NOT_RECOGNISED = 'Name or password not recognised.';
// Verified against when the name is unknown, so an unknown name costs as long as a wrong password.
const DECOY_HASH = hashPassword('decoy password that matches nothing');

export class SessionRegistry {
  private readonly byConnection = new Map<string, Session>();

  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  get(connection: string): Session | null {
    return this.byConnection.get(connection) ?? null;
  }

  async logon(connection: string, name: string, password: string): Promise<SessionUser> {
    const at = this.now();
    const account = await this.store.getAccount(name);
    const matches = verifyPassword(password, account?.password_hash ?? DECOY_HASH);
    if (!account || account.locked_at_ms !== null || !matches) {
      const nowLocked = await this.store.recordLogonFailure(name, connection, at);
      if (account?.locked_at_ms != null)
        throw new ContractError(
          'forbidden',
          'This account is locked after repeated failed logons. A supervisor or administrator must release it.',
        );
      throw new ContractError(
        'forbidden',
        nowLocked
          ? `${NOT_RECOGNISED} After ${LOCKOUT.failures} failures the account is now locked; a supervisor or administrator must release it.`
          : NOT_RECOGNISED,
      );
    }
    await this.end(connection);
    await this.store.logSession(account.name, 'logon', connection, at);
    const user: SessionUser = { name: account.name, role: account.role };
    this.byConnection.set(connection, { user, locked: false });
    return user;
  }

  async createFirstAdministrator(connection: string, name: string, password: string): Promise<SessionUser> {
    const at = this.now();
    await this.store.createAccount(
      { name, role: 'administrator', passwordHash: hashPassword(password) },
      name,
      at,
      { onlyIfFirst: true },
    );
    return this.logon(connection, name, password);
  }

  /** Logoff, or the window closing / the connection dropping. */
  async end(connection: string): Promise<void> {
    const session = this.byConnection.get(connection);
    if (!session) return;
    this.byConnection.delete(connection);
    await this.store.logSession(session.user.name, 'logoff', connection, this.now());
  }

  async lock(connection: string): Promise<void> {
    const session = this.require(connection);
    if (session.locked) return;
    session.locked = true;
    await this.store.logSession(session.user.name, 'desk_locked', connection, this.now());
  }

  async unlock(connection: string, password: string): Promise<SessionUser> {
    const session = this.require(connection);
    const account = await this.store.getAccount(session.user.name);
    if (!account || account.locked_at_ms !== null || !verifyPassword(password, account.password_hash)) {
      await this.store.logSession(session.user.name, 'unlock_failed', connection, this.now());
      throw new ContractError('forbidden', 'Password not recognised; or log off.');
    }
    session.locked = false;
    await this.store.logSession(session.user.name, 'desk_unlocked', connection, this.now());
    return session.user;
  }

  private require(connection: string): Session {
    const session = this.byConnection.get(connection);
    if (!session) throw new ContractError('forbidden', 'Log on first.');
    return session;
  }
}
