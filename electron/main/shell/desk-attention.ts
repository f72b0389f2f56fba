// Reaching the operator when the desk window is not in front: while a flag waits to be
// acknowledged and the desk is minimised or not focused, the taskbar entry flashes and a system
// notification appears once per flag; the tray / dock shows how many flags wait. All of it stops
// when the room acknowledges. None of it replaces the alarm sound, which the renderer plays anyway.
//
// Plain logic over injected parts (no `electron` import), so the unit test drives it with fakes.
// It learns the queue and the alarm from the core's events, like the windows do.
//
// A notification names a flag by case number, risk and district only: it is built field by field
// from the queue item (never by copying an object), so a personal field cannot slip into it even if
// a future queue item carried one. The OS may show notifications on the lock screen and keep them
// in its notification centre, where anyone passing could read them.
import type { AlarmState, QueueItem, Risk } from '../../../shared/domain';
import { districtByKey } from '../../../shared/geo/district-names';
import { enShell } from '../../../shared/i18n/en-shell';
import { hiShell } from '../../../shared/i18n/hi-shell';
import { en } from '../../../shared/i18n/en';
import { hi } from '../../../shared/i18n/hi';

/** What the shell needs of the desk's BrowserWindow. */
export interface AttentionWindow {
  isDestroyed(): boolean;
  isFocused(): boolean;
  isMinimized(): boolean;
  flashFrame(flag: boolean): void;
  restore(): void;
  show(): void;
  focus(): void;
}

export interface NotificationText {
  title: string;
  body: string;
}

export interface AttentionDeps {
  /** Shows a system notification; returns a handle to close it. */
  notify(text: NotificationText, onClick: () => void): { close(): void };
  /** The count of unacknowledged flags on the dock / launcher badge and the tray. */
  setCount(count: number): void;
  /** Tells the desk's page to select this flag (the contract's focusFlag event). */
  selectFlag(id: string): void;
  language: 'en' | 'hi';
}

/** More new flags than this at once (a flood) make one grouped notification, not a stack of them. */
export const GROUP_NOTIFICATIONS_ABOVE = 3;

type Summary = Pick<QueueItem, 'id' | 'caseNo' | 'risk' | 'districtKey'>;

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** The notification of one flag: case number, risk and district, nothing else. */
export function flagNotificationText(item: Summary, language: 'en' | 'hi'): NotificationText {
  const strings = language === 'hi' ? hiShell.shell : enShell.shell;
  const risks: Record<Risk, string> = (language === 'hi' ? hi : en).risk;
  const district = districtByKey(item.districtKey);
  return {
    title: fill(strings.notifyTitle, { risk: risks[item.risk], caseNo: item.caseNo }),
    body: fill(strings.notifyBody, {
      district: district ? district[language] : strings.districtUnknown,
    }),
  };
}

export function trayText(count: number, language: 'en' | 'hi'): string {
  const strings = language === 'hi' ? hiShell.shell : enShell.shell;
  return count > 0 ? fill(strings.trayWaiting, { count }) : strings.trayQuiet;
}

export class DeskAttention {
  private readonly items = new Map<string, Summary>();
  private waiting: readonly string[] = [];
  private readonly notified = new Map<string, { close(): void }>();
  private flashing = false;
  private lastCount = -1;

  constructor(
    private readonly window: () => AttentionWindow | null,
    private readonly deps: AttentionDeps,
  ) {}

  /** The queue as it stands at start (the core's events only carry changes). */
  seed(queue: readonly QueueItem[], alarm: AlarmState): void {
    this.onQueue(queue);
    this.onAlarm(alarm);
  }

  onQueue(upserts: readonly QueueItem[]): void {
    for (const item of upserts) {
      // Only the fields a notification may carry are kept.
      this.items.set(item.id, {
        id: item.id,
        caseNo: item.caseNo,
        risk: item.risk,
        districtKey: item.districtKey,
      });
    }
  }

  onAlarm(alarm: Pick<AlarmState, 'flagIds'>): void {
    this.waiting = alarm.flagIds;
    this.update();
  }

  /** The desk window gained or lost focus, was minimised or restored. */
  onWindowChanged(): void {
    this.update();
  }

  private update(): void {
    const waiting = new Set(this.waiting);
    // Acknowledged (or gone): its notification is withdrawn, so a later flag's is not buried.
    for (const [id, handle] of this.notified) {
      if (waiting.has(id)) continue;
      handle.close();
      this.notified.delete(id);
    }
    if (this.waiting.length !== this.lastCount) {
      this.lastCount = this.waiting.length;
      this.deps.setCount(this.waiting.length);
    }
    const window = this.window();
    const live = window !== null && !window.isDestroyed();
    const away = live && (window.isMinimized() || !window.isFocused());
    const flash = away && this.waiting.length > 0;
    if (live && flash !== this.flashing) window.flashFrame(flash);
    this.flashing = live && flash;
    if (!flash) return;

    const fresh = this.waiting.filter((id) => !this.notified.has(id));
    if (fresh.length > GROUP_NOTIFICATIONS_ABOVE) {
      const strings = this.deps.language === 'hi' ? hiShell.shell : enShell.shell;
      const handle = this.deps.notify(
        { title: fill(strings.notifyManyTitle, { count: fresh.length }), body: strings.notifyManyBody },
        () => this.bringForward(null),
      );
      // One grouped notice stands for all of them; it is withdrawn once the last is acknowledged.
      const group = { remaining: fresh.length };
      for (const id of fresh) {
        this.notified.set(id, {
          close: () => {
            if (--group.remaining === 0) handle.close();
          },
        });
      }
      return;
    }
    for (const id of fresh) {
      const item = this.items.get(id);
      if (!item) continue; // not yet seen in the queue: notified when its queue event arrives
      this.notified.set(
        id,
        this.deps.notify(flagNotificationText(item, this.deps.language), () => this.bringForward(id)),
      );
    }
  }

  private bringForward(flagId: string | null): void {
    const window = this.window();
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    if (flagId !== null) this.deps.selectFlag(flagId);
  }
}
