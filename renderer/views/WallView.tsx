// The wall display: read-only, for the whole room from 5 m. It reads the queue, the alarm and the
// feed health; it never asks for a flag's details (main refuses the wall's connection that anyway)
// and nothing on it can be clicked into.
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { AlarmBanners } from '../components/AlarmBanners';
import { RoomPresence } from '../components/RoomPresence';
import type { Presence } from '../hooks/useClientReport';
import { WallCounters } from '../components/wall/WallCounters';
import { WallHealth } from '../components/wall/WallHealth';
import { StaleBanner, TrainingWatermark } from '../components/wall/WallOverlays';
import { WallQueue } from '../components/wall/WallQueue';
import { useHeartbeat } from '../hooks/useHeartbeat';
import { useNow } from '../hooks/useNow';
import { FeedLossBanner } from '../components/FeedLossBanner';
import { feedLoss } from '../../shared/feed-loss';
import { DistrictMap } from '../components/map/DistrictMap';
import { useShiftClock } from '../hooks/useShiftClock';
import { useWallRecovery } from '../hooks/useWallRecovery';
import {
  selectEscalatedSet,
  selectFlood,
  selectNoDesk,
  selectSound,
  selectTooQuiet,
} from '../state/alarm/selectors';
import { LinkLostBanner, NoDeskBanner, RoomNotices, useRoomNotices } from '../components/room/RoomBanners';
import { actions, useAppStore } from '../state/app-store';
import {
  selectConnection,
  selectDisconnectedSinceMs,
  selectFeedHealth,
  selectFeedSeverity,
  selectLastMessageAtMs,
} from '../state/feed/selectors';
import { selectCounts, selectOldestUnacknowledgedMs, selectOpenByArea } from '../state/queue/selectors';
import type { Language } from '../state/session/initial-state';
import { selectWallGroups } from '../state/queue/groups';
import { selectTraining } from '../state/session/selectors';
import { dataAgeMs, isStale, WALL_HEARTBEAT_MS } from '../wall/wall-recovery';

export function WallView({ language, presence }: { language: Language; presence: Presence }) {
  const api = useApi();
  const nowMs = useNow();
  const [pageStartMs] = useState(() => Date.now());
  const groups = useAppStore(selectWallGroups);
  const counts = useAppStore(selectCounts);
  const byArea = useAppStore(selectOpenByArea);
  const oldestUnack = useAppStore(selectOldestUnacknowledgedMs);
  const escalated = useAppStore(selectEscalatedSet);
  const flood = useAppStore(selectFlood);
  const tooQuiet = useAppStore(selectTooQuiet);
  const sound = useAppStore(selectSound);
  const health = useAppStore(selectFeedHealth);
  const feedSeverity = useAppStore(selectFeedSeverity);
  const lastMessageAtMs = useAppStore(selectLastMessageAtMs);
  const disconnectedSinceMs = useAppStore(selectDisconnectedSinceMs);
  const training = useAppStore(selectTraining);
  const shift = useShiftClock(nowMs);
  const connection = useAppStore(selectConnection);
  const noDesk = useAppStore(selectNoDesk);
  const notices = useRoomNotices(api, nowMs);

  useHeartbeat(api, actions, WALL_HEARTBEAT_MS);
  useWallRecovery(disconnectedSinceMs);

  const ageMs = dataAgeMs(nowMs, lastMessageAtMs, pageStartMs);
  const stale = isStale(ageMs);
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
      <StaleBanner stale={stale} ageMs={ageMs} />
      <RoomNotices notices={notices} />
      <AlarmBanners flood={flood} tooQuiet={tooQuiet} nowMs={nowMs} />
      <RoomPresence clients={presence.clients} self={presence.self} variant="wall" />
      <div className="wall-body">
        <WallQueue live={live} groups={groups} escalated={escalated} nowMs={nowMs} language={language} />
        <DistrictMap counts={byArea} language={language} variant="wall" />
      </div>
      <WallHealth
        health={health}
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
