// The desk reaches the operator when its window is not in front (issue #24): flashFrame,
// one notification per waiting flag and the badge count, all stopped by acknowledgement, and no
// personal field in anything the operating system shows. electron is not needed: DeskAttention
// takes its window and its notifier as plain objects.
import { describe, expect, it, vi } from 'vitest';
import {
  DeskAttention,
  GROUP_NOTIFICATIONS_ABOVE,
  flagNotificationText,
  type AttentionWindow,
  type NotificationText,
} from '../../../electron/main/shell/desk-attention';
import type { QueueItem } from '../../../shared/domain';
import { queueItem } from '../../helpers/domain-fixtures';
import { CANARY, makeFlag } from '../../helpers/flags';

vi.mock('electron', () => ({}));

function fakeWindow(state: { focused: boolean; minimized: boolean }) {
  const window = {
    isDestroyed: () => false,
    isFocused: () => state.focused,
    isMinimized: () => state.minimized,
    flashFrame: vi.fn(),
    restore: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(),
  } satisfies AttentionWindow;
  return window;
}

function rig(state = { focused: false, minimized: true }) {
  const window = fakeWindow(state);
  const shown: { text: NotificationText; onClick: () => void; close: ReturnType<typeof vi.fn> }[] = [];
  const deps = {
    language: 'en' as const,
    notify: vi.fn((text: NotificationText, onClick: () => void) => {
      const close = vi.fn();
      shown.push({ text, onClick, close });
      return { close };
    }),
    setCount: vi.fn(),
    selectFlag: vi.fn(),
  };
  const attention = new DeskAttention(() => window, deps);
  return { attention, window, deps, shown, state };
}

/** A queue item that (wrongly) also carries a platform record's personal fields. */
function itemWithPersonalFields(id: string): { item: QueueItem; personal: string[] } {
  const flag = makeFlag();
  const personalParts = {
    subject: flag.subject,
    content: flag.content,
    institution: flag.institution,
    pincode: (flag.location as { pincode: string }).pincode,
  };
  const leaves = (value: unknown): string[] =>
    typeof value === 'object' && value !== null
      ? Object.values(value).flatMap(leaves)
      : [String(value)].filter((s) => s.length >= 4);
  const item = { ...queueItem(id, { caseNo: 'LC-2026-0042', risk: 'imminent' }), ...personalParts };
  return { item: item as unknown as QueueItem, personal: leaves(personalParts) };
}

describe('desk attention while a flag waits and the desk is not in front', () => {
  it('flashes the taskbar, notifies once per flag and counts them, while minimised', () => {
    const { attention, window, deps, shown } = rig();
    attention.onQueue([queueItem('a'), queueItem('b', { risk: 'imminent' })]);
    attention.onAlarm({ flagIds: ['a', 'b'] });
    expect(window.flashFrame).toHaveBeenLastCalledWith(true);
    expect(deps.setCount).toHaveBeenLastCalledWith(2);
    expect(shown.map((s) => s.text.title)).toEqual([
      'High risk flag waiting — LC-a',
      'Imminent risk flag waiting — LC-b',
    ]);
    // The same flags again (the alarm is re-published every tick): no second notification.
    attention.onAlarm({ flagIds: ['a', 'b'] });
    attention.onWindowChanged();
    expect(deps.notify).toHaveBeenCalledTimes(2);
    expect(window.flashFrame).toHaveBeenCalledTimes(1);
  });

  it('also fires when the window is open but another application has the focus', () => {
    const { attention, window, deps } = rig({ focused: false, minimized: false });
    attention.onQueue([queueItem('a')]);
    attention.onAlarm({ flagIds: ['a'] });
    expect(window.flashFrame).toHaveBeenLastCalledWith(true);
    expect(deps.notify).toHaveBeenCalledOnce();
  });

  it('does nothing but the count while the desk is in front, and starts when it loses focus', () => {
    const { attention, window, deps, state } = rig({ focused: true, minimized: false });
    attention.onQueue([queueItem('a')]);
    attention.onAlarm({ flagIds: ['a'] });
    expect(window.flashFrame).not.toHaveBeenCalled();
    expect(deps.notify).not.toHaveBeenCalled();
    expect(deps.setCount).toHaveBeenLastCalledWith(1);
    state.focused = false;
    attention.onWindowChanged();
    expect(window.flashFrame).toHaveBeenLastCalledWith(true);
    expect(deps.notify).toHaveBeenCalledOnce();
    // Back in front: the flash stops (the flag still waits, the desk shows it).
    state.focused = true;
    attention.onWindowChanged();
    expect(window.flashFrame).toHaveBeenLastCalledWith(false);
  });

  it('stops on acknowledgement: flash off, notification withdrawn, count down to zero', () => {
    const { attention, window, deps, shown } = rig();
    attention.onQueue([queueItem('a'), queueItem('b')]);
    attention.onAlarm({ flagIds: ['a', 'b'] });
    attention.onAlarm({ flagIds: ['b'] }); // a acknowledged
    expect(shown[0]!.close).toHaveBeenCalledOnce();
    expect(shown[1]!.close).not.toHaveBeenCalled();
    expect(deps.setCount).toHaveBeenLastCalledWith(1);
    expect(window.flashFrame).toHaveBeenLastCalledWith(true);
    attention.onAlarm({ flagIds: [] });
    expect(shown[1]!.close).toHaveBeenCalledOnce();
    expect(deps.setCount).toHaveBeenLastCalledWith(0);
    expect(window.flashFrame).toHaveBeenLastCalledWith(false);
    expect(deps.notify).toHaveBeenCalledTimes(2);
  });

  it('clicking a notification brings the desk forward with that flag selected', () => {
    const { attention, window, deps, shown } = rig();
    attention.onQueue([queueItem('a')]);
    attention.onAlarm({ flagIds: ['a'] });
    shown[0]!.onClick();
    expect(window.restore).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(deps.selectFlag).toHaveBeenCalledWith('a');
  });

  it('groups a flood into one notification, withdrawn when the last of them is acknowledged', () => {
    const { attention, deps, shown } = rig();
    const ids = Array.from({ length: GROUP_NOTIFICATIONS_ABOVE + 2 }, (_, i) => `f${i}`);
    attention.onQueue(ids.map((id) => queueItem(id)));
    attention.onAlarm({ flagIds: ids });
    expect(deps.notify).toHaveBeenCalledOnce();
    expect(shown[0]!.text.title).toBe(`${ids.length} flags waiting for acknowledgement`);
    attention.onAlarm({ flagIds: ids.slice(1) });
    expect(shown[0]!.close).not.toHaveBeenCalled();
    attention.onAlarm({ flagIds: [] });
    expect(shown[0]!.close).toHaveBeenCalledOnce();
  });

  it('never carries a personal field, even from a queue item that wrongly holds one', () => {
    const { item, personal } = itemWithPersonalFields('p');
    expect(personal).toContain(CANARY.name);
    expect(personal).toContain(CANARY.phone);
    expect(personal).toContain(CANARY.excerpt);
    for (const language of ['en', 'hi'] as const) {
      const text = flagNotificationText(item, language);
      const shown = `${text.title}\n${text.body}`;
      for (const value of personal) expect(shown, `${language}: ${value}`).not.toContain(value);
      expect(shown).toContain('LC-2026-0042');
    }
    const { attention, shown } = rig();
    attention.onQueue([item]);
    attention.onAlarm({ flagIds: ['p'] });
    const all = JSON.stringify(shown.map((s) => s.text));
    for (const value of personal) expect(all).not.toContain(value);
    expect(shown[0]!.text).toEqual({
      title: 'Imminent risk flag waiting — LC-2026-0042',
      body: 'District: Kota. Not yet acknowledged. Click to open it on the desk.',
    });
  });

  it('says it in Hindi where the machine is set to Hindi', () => {
    expect(flagNotificationText(queueItem('h', { caseNo: 'LC-9', risk: 'imminent' }), 'hi').title).toBe(
      'तत्काल जोखिम फ़्लैग प्रतीक्षा में — LC-9',
    );
  });
});
