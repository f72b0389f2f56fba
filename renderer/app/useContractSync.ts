// Keeps the window state in step with main: events as they come, and a full re-fetch on every (re)connect,
// because events sent while the link was down are lost and the queue must not silently lag.
import { useEffect } from 'react';
import type { ConsoleApi } from '../api/connection';
import type { QueueItem } from '../../shared/domain';
import type { WindowActions } from '../window-state/window-state';

const RETRY_MS = 3000;
/** A hidden tab gets no animation frames; the queue must still move (the wall may be behind a dialog). */
const FLUSH_FALLBACK_MS = 250;

function kindOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'kind' in error ? String(error.kind) : 'unknown';
}

export function useContractSync(api: ConsoleApi, actions: WindowActions): void {
  useEffect(() => startContractSync(api, actions), [api, actions]);
}

/**
 * The sync itself, outside React (tests drive it with a fake api): returns its stop. A resync's
 * listQueue may have been answered from a moment before a flag that an event has already brought:
 * the events that arrive while a resync is in flight are kept and applied again after its list, so
 * the list never takes back a newer change (upsert drops whatever the list already has newer).
 */
export function startContractSync(api: ConsoleApi, actions: WindowActions): () => void {
  let generation = 0;
  let duringResync: { upserts: QueueItem[]; removed: string[] } | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;

  async function resync(): Promise<void> {
    const mine = ++generation;
    if (retry) clearTimeout(retry);
    const during = { upserts: [] as QueueItem[], removed: [] as string[] };
    duringResync = during;
    const [session, queue, health, alarm] = await Promise.allSettled([
      api.invoke('getSession', {}),
      api.invoke('listQueue', {}),
      api.invoke('getFeedHealth', {}),
      api.invoke('getAlarm', {}),
    ]);
    if (mine !== generation) return;
    if (duringResync === during) duringResync = null;
    if (session.status === 'fulfilled') actions.session.setInfo(session.value);
    if (queue.status === 'fulfilled') {
      flush();
      actions.queue.setAll(queue.value);
      if (during.upserts.length > 0) actions.queue.upsert(during.upserts);
      if (during.removed.length > 0) actions.queue.remove(during.removed);
    }
    if (health.status === 'fulfilled') actions.feed.setHealth(health.value);
    if (alarm.status === 'fulfilled') actions.alarm.setAlarm(alarm.value);
    const results = [session, queue, health, alarm];
    if (results.some((r) => r.status === 'fulfilled')) actions.feed.heard(Date.now());
    const failed = results.filter((r) => r.status === 'rejected');
    if (failed.length > 0) {
      console.warn(
        `[lifeline] re-sync incomplete (${failed.map((r) => kindOf(r.reason)).join(', ')}); retrying`,
      );
      retry = setTimeout(() => void resync(), RETRY_MS);
    }
  }

  // Every event is also proof that main is alive: the wall shows the age of what it shows.
  const heard = () => actions.feed.heard(Date.now());
  // A burst of flags arrives as many small events; applying each one re-sorts and re-renders the
  // queue. Gathering them until the next frame makes one window-state update per frame however fast the
  // feed runs (frame times in docs/performance.md, from `npm run bench`).
  let pending: QueueItem[] = [];
  let frame: number | null = null;
  let fallback: ReturnType<typeof setTimeout> | null = null;
  function flush() {
    if (frame !== null) cancelAnimationFrame(frame);
    if (fallback) clearTimeout(fallback);
    frame = null;
    fallback = null;
    const upserts = pending;
    pending = [];
    if (upserts.length > 0) actions.queue.upsert(upserts);
  }
  // No frames outside a page (the tests run this in Node): the timer alone flushes there.
  const requestFrame = globalThis.requestAnimationFrame?.bind(globalThis);
  const cancelAnimationFrame = (id: number) => globalThis.cancelAnimationFrame?.(id);
  const enqueue = (upserts: QueueItem[]) => {
    pending = pending.concat(upserts);
    duringResync?.upserts.push(...upserts);
    if (frame === null && requestFrame) frame = requestFrame(flush);
    if (fallback === null) fallback = setTimeout(flush, FLUSH_FALLBACK_MS);
  };
  const unsubscribe = [
    api.on('queueChanged', (payload) => {
      enqueue(payload.upserts);
      // Sent to a unit's desk only: its flag went back to the command centre or elsewhere.
      if (payload.removed?.length) {
        duringResync?.removed.push(...payload.removed);
        flush();
        actions.queue.remove(payload.removed);
      }
      heard();
    }),
    api.on('feedHealth', (health) => (actions.feed.setHealth(health), heard())),
    api.on('alarm', (alarm) => (actions.alarm.setAlarm(alarm), heard())),
    // The desktop shell's notification was clicked: the desk opens with that flag selected.
    api.on('focusFlag', ({ id }) => actions.queue.select(id)),
    api.onConnection((state) => {
      actions.feed.setConnection(state, Date.now());
      if (state === 'connected') {
        pending = []; // the full re-fetch supersedes whatever was gathered before it
        void resync();
      } else generation++; // an answer from before the drop must not overwrite the next sync
    }),
  ];
  return () => {
    generation++;
    if (retry) clearTimeout(retry);
    if (frame !== null) cancelAnimationFrame(frame);
    if (fallback) clearTimeout(fallback);
    for (const off of unsubscribe) off();
  };
}
