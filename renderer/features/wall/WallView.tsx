// The wall display: read-only, for the whole room from 5 m. It reads the queue, the alarm and the
// feed health; it never asks for a flag's details (main refuses the wall's connection that anyway)
// and nothing on it can be clicked into.
import { useState } from 'react';
import { useApi } from '../../api/api-context';
import { AlarmBanners } from '../alarm/AlarmBanners';
import { RoomPresence } from '../room/RoomPresence';
import type { Presence } from '../room/useClientReport';
import { WallCounters } from './WallCounters';
import { WallHealth } from './WallHealth';
import { StaleBanner, TrainingWatermark } from './WallOverlays';
import { WallQueue } from './WallQueue';
import { useHeartbeat } from './useHeartbeat';
import { useNow } from '../../ui/useNow';
import { FeedLossBanner } from '../feed/FeedLossBanner';
import { feedLoss } from '../../../shared/feed-loss';
import { DistrictMap } from '../map/DistrictMap';
import { useShiftClock } from '../../ui/useShiftClock';
import { useWallRecovery } from './useWallRecovery';
import {
  selectEscalatedSet,
  selectFlood,
  selectNoDesk,
  selectSound,
  selectTooQuiet,
} from '../../window-state/alarm/selectors';
import { LinkLostBanner, NoDeskBanner, RoomNotices, useRoomNotices } from '../room/RoomBanners';
import { actions, useWindowState } from '../../window-state/use-window-state';
import {
  selectConnection,
  selectDisconnectedSinceMs,
  selectFeedHealth,
  selectFeedSeverity,
  selectLastMessageAtMs,
} from '../../window-state/feed/selectors';
import {
  selectCounts,
  selectOldestUnacknowledgedMs,
  selectOpenByArea,
} from '../../window-state/queue/selectors';
import type { Language } from '../../window-state/session/initial-state';
import { selectWallGroups } from '../../window-state/queue/groups';
import { selectTraining } from '../../window-state/session/selectors';
import { isStale, shownDataAgeMs, WALL_HEARTBEAT_MS } from './wall-recovery';

export function WallView({ language, presence }: { language: Language; presence: Presence }) {
  const api = useApi();
  const nowMs = useNow();
  const [pageStartMs] = useState(() => Date.now());
  const groups = useWindowState(selectWallGroups);
  const counts = useWindowState(selectCounts);
  const byArea = useWindowState(selectOpenByArea);
  const oldestUnack = useWindowState(selectOldestUnacknowledgedMs);
  const escalated = useWindowState(selectEscalatedSet);
  const flood = useWindowState(selectFlood);
  const tooQuiet = useWindowState(selectTooQuiet);
  const sound = useWindowState(selectSound);
  const health = useWindowState(selectFeedHealth);
  const feedSeverity = useWindowState(selectFeedSeverity);
  const lastMessageAtMs = useWindowState(selectLastMessageAtMs);
  const disconnectedSinceMs = useWindowState(selectDisconnectedSinceMs);
  const training = useWindowState(selectTraining);
  const shift = useShiftClock(nowMs);
  const connection = useWindowState(selectConnection);
  const noDesk = useWindowState(selectNoDesk);
  const notices = useRoomNotices(api, nowMs);

  useHeartbeat(api, actions, WALL_HEARTBEAT_MS);
  useWallRecovery(disconnectedSinceMs);

  // null while not connected and nothing was ever heard: the link-lost banner says why.
  const ageMs = shownDataAgeMs(nowMs, lastMessageAtMs, pageStartMs, disconnectedSinceMs);
  const stale = ageMs !== null && isStale(ageMs);
  // The counters, queue and map show what was known when the feed was lost, not the room now.
  const live = feedLoss(health) === null;

  return (
    <div
      className={`wall${stale ? ' wall--stale' : ''}${live ? '' : ' wall--feed-lost'}`}
      data-testid="wall-view"
      data-live={live ? 'true' : 'false'}
      lang={language}
    >
      <FeedLossBanner health={health} nowMs={nowMs} variant="wall" />
      <WallCounters
        live={live}
        open={counts.open}
        unacknowledged={counts.unacknowledged}
        oldestUnackMs={oldestUnack === null ? null : nowMs - oldestUnack}
        shift={shift}
      />
      <LinkLostBanner connection={connection} variant="wall" />
      <NoDeskBanner active={noDesk} variant="wall" />
      <StaleBanner stale={stale} ageMs={ageMs ?? 0} />
      <RoomNotices notices={notices} />
      <AlarmBanners flood={flood} tooQuiet={tooQuiet} nowMs={nowMs} />
      <RoomPresence clients={presence.clients} self={presence.self} variant="wall" />
      <div className="wall-body">
        <WallQueue live={live} groups={groups} escalated={escalated} nowMs={nowMs} language={language} />
        <DistrictMap counts={byArea} language={language} variant="wall" />
      </div>
      <WallHealth
        health={health}
        connection={connection}
        feedSeverity={feedSeverity}
        sound={sound}
        dataAgeMs={ageMs}
        stale={stale}
        nowMs={nowMs}
        room={<RoomPresence clients={presence.clients} self={presence.self} variant="wall" inFooter />}
      />
      <TrainingWatermark training={training} />
    </div>
  );
}
