// One entry per connection (an Electron window or a WebSocket), from what its page reports with
// reportClientState: is it seen, can it sound the alarm. A connection is numbered within its role
// (desk 1, desk 2, wall 1) with the lowest number free when it first reports, so a desk that
// reloads usually gets its number back. The entry goes when the connection ends.
// Bounded by the number of connections (the transports cap those); reports carry two enums only.
// Pushes to the room are coalesced (at most one per PUSH_EVERY_MS): a page flipping its state in a
// loop must not turn into a broadcast storm to every other screen.
import type { ViewRole } from '../../../../shared/contract';
import type { ClientReport, ClientState } from '../../../../shared/presence';
import type { SoundCheck } from '../../../../shared/sound-check';

const ROLE_ORDER: Readonly<Record<ViewRole, number>> = { desk: 0, wall: 1 };
export const PUSH_EVERY_MS = 250;

export class ClientStates {
  private readonly byConnection = new Map<string, ClientState>();
  /** Who is logged on where, said by the core (a connection may log on before its page reports). */
  private readonly loggedOn = new Set<string>();
  private pending: NodeJS.Timeout | null = null;

  /** `push` gets the whole list after a change, at most once per `pushEveryMs`. */
  constructor(
    private readonly push: (clients: ClientState[]) => void = () => {},
    private readonly pushEveryMs = PUSH_EVERY_MS,
  ) {}

  /** Stops a pending push (the core is stopping). */
  stop(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = null;
  }

  private changed(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = null;
      this.push(this.list());
    }, this.pushEveryMs);
    this.pending.unref();
  }

  /** Records a report; `changed` says whether the room's view of it moved (then it is pushed). */
  report(
    connection: string,
    role: ViewRole,
    report: ClientReport,
    nowMs: number,
  ): { state: ClientState; changed: boolean } {
    const before = this.byConnection.get(connection);
    if (before && before.role === role) {
      if (before.visibility === report.visibility && before.audio === report.audio)
        return { state: before, changed: false };
      const state = { ...before, ...report, sinceMs: nowMs, loggedOn: this.loggedOn.has(connection) };
      this.byConnection.set(connection, state);
      this.changed();
      return { state, changed: true };
    }
    const state: ClientState = {
      role,
      number: this.freeNumber(role),
      ...report,
      sinceMs: nowMs,
      loggedOn: this.loggedOn.has(connection),
    };
    this.byConnection.set(connection, state);
    this.changed();
    return { state, changed: true };
  }

  /** Somebody logged on or off at this connection: the wall shows which desks have somebody on. */
  setLoggedOn(connection: string, loggedOn: boolean): void {
    if (loggedOn) this.loggedOn.add(connection);
    else this.loggedOn.delete(connection);
    const before = this.byConnection.get(connection);
    if (!before || before.loggedOn === loggedOn) return;
    this.byConnection.set(connection, { ...before, loggedOn });
    this.changed();
  }

  /** "desk 2": the connection's number in the room, once its page has reported. */
  label(connection: string): string | null {
    const state = this.byConnection.get(connection);
    return state ? `${state.role} ${state.number}` : null;
  }

  /**
   * The operator's answer after a test alarm, kept with the connection (a reload is a new
   * connection: it starts unverified again, as a new page may have a new audio path). Null when
   * the connection has not reported yet: the room would not know which desk answered.
   */
  recordSoundCheck(connection: string, check: SoundCheck): ClientState | null {
    const before = this.byConnection.get(connection);
    if (!before) return null;
    const state = { ...before, soundCheck: check };
    this.byConnection.set(connection, state);
    this.changed();
    return state;
  }

  /** The connection ended; true when it had reported (the room's view changed). */
  end(connection: string): boolean {
    this.loggedOn.delete(connection);
    const had = this.byConnection.delete(connection);
    if (had) this.changed();
    return had;
  }

  list(): ClientState[] {
    return [...this.byConnection.values()].sort(
      (a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.number - b.number,
    );
  }

  private freeNumber(role: ViewRole): number {
    const taken = new Set(
      [...this.byConnection.values()].filter((c) => c.role === role).map((c) => c.number),
    );
    let n = 1;
    while (taken.has(n)) n++;
    return n;
  }
}
