// The core's record of which desks and walls are seen and can hear (issue #24), and the page's
// mapping of what the browser says into that report.
import { describe, expect, it, vi } from 'vitest';
import { ClientStates, PUSH_EVERY_MS } from '../../electron/main/core/presence/client-state';
import {
  clientAudioOf,
  clientVisibilityOf,
  withShellWindow,
} from '../../renderer/features/room/client-report';
import { clientNeedsAttention, clientReportSchema } from '../../shared/presence';

const ok = { visibility: 'visible', audio: 'ok' } as const;

describe('ClientStates', () => {
  it('numbers desks and walls separately, lowest free number first, and forgets ended connections', () => {
    const states = new ClientStates();
    expect(states.report('ws-1', 'desk', ok, 1).state.number).toBe(1);
    expect(states.report('ws-2', 'desk', ok, 1).state.number).toBe(2);
    expect(states.report('ws-3', 'wall', ok, 1).state.number).toBe(1);
    expect(states.end('ws-1')).toBe(true);
    expect(states.end('ws-1')).toBe(false);
    // A reloaded desk gets the freed number back.
    expect(states.report('ws-4', 'desk', ok, 2).state.number).toBe(1);
    expect(states.list().map((c) => `${c.role}-${c.number}`)).toEqual(['desk-1', 'desk-2', 'wall-1']);
  });

  it('says changed only when the room would see a difference, and dates the new state', () => {
    const states = new ClientStates();
    expect(states.report('c', 'desk', ok, 1).changed).toBe(true);
    expect(states.report('c', 'desk', ok, 5).changed).toBe(false);
    const hidden = states.report('c', 'desk', { visibility: 'hidden', audio: 'ok' }, 9);
    expect(hidden).toMatchObject({ changed: true, state: { number: 1, visibility: 'hidden', sinceMs: 9 } });
  });
});

describe('pushes to the room', () => {
  it('coalesces a burst of changes into one push of the latest list', () => {
    vi.useFakeTimers();
    try {
      const push = vi.fn();
      const states = new ClientStates(push);
      // A page flipping its state in a loop (or a hostile one): one push per window, not one per flip.
      for (let i = 0; i < 100; i++)
        states.report('c', 'desk', { visibility: i % 2 ? 'hidden' : 'visible', audio: 'ok' }, i);
      expect(push).not.toHaveBeenCalled();
      vi.advanceTimersByTime(PUSH_EVERY_MS);
      expect(push).toHaveBeenCalledOnce();
      expect(push.mock.calls[0]![0]).toMatchObject([{ role: 'desk', number: 1, visibility: 'hidden' }]);
      // An unchanged report pushes nothing; an ended connection pushes the shorter list.
      states.report('c', 'desk', { visibility: 'hidden', audio: 'ok' }, 200);
      vi.advanceTimersByTime(PUSH_EVERY_MS);
      expect(push).toHaveBeenCalledOnce();
      states.end('c');
      vi.advanceTimersByTime(PUSH_EVERY_MS);
      expect(push).toHaveBeenLastCalledWith([]);
      states.report('d', 'wall', ok, 300);
      states.stop();
      vi.advanceTimersByTime(PUSH_EVERY_MS);
      expect(push).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('client report', () => {
  it('counts only a known output as sound; no output or a failed context is lost', () => {
    expect(clientAudioOf('on')).toBe('ok');
    expect(clientAudioOf('no_output')).toBe('lost');
    expect(clientAudioOf('unavailable')).toBe('lost');
    expect(clientAudioOf('blocked')).toBe('blocked');
    expect(clientAudioOf('unknown')).toBe('unknown');
    expect(clientAudioOf('starting')).toBe('unknown');
  });

  it('takes frozen over hidden over visible', () => {
    expect(clientVisibilityOf('visible', false)).toBe('visible');
    expect(clientVisibilityOf('hidden', false)).toBe('hidden');
    expect(clientVisibilityOf('visible', true)).toBe('frozen');
  });

  it("takes the desktop shell's word for a minimised window the page still thinks visible", () => {
    expect(withShellWindow('visible', false)).toBe('hidden');
    expect(withShellWindow('visible', true)).toBe('visible');
    expect(withShellWindow('frozen', false)).toBe('frozen');
  });

  it('validates reports strictly, naming the field', () => {
    const bad = clientReportSchema.safeParse({ visibility: 'visible', audio: 'loud' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['audio']);
    expect(clientReportSchema.safeParse({ ...ok, extra: 1 }).success).toBe(false);
  });

  it('needs attention when hidden, frozen, lost or blocked; unknown sound alone does not', () => {
    expect(clientNeedsAttention(ok)).toBe(false);
    expect(clientNeedsAttention({ visibility: 'visible', audio: 'unknown' })).toBe(false);
    expect(clientNeedsAttention({ visibility: 'hidden', audio: 'ok' })).toBe(true);
    expect(clientNeedsAttention({ visibility: 'visible', audio: 'lost' })).toBe(true);
  });
});
