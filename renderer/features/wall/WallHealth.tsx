import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedHealth } from '../../../shared/domain';
import type { ConnectionState } from '../../api/connection';
import { formatElapsed } from '../../ui/format/elapsed';
import type { SoundStatus } from '../../window-state/alarm/initial-state';
import type { Severity } from '../../window-state/feed/selectors';
import { SOUND_WORD, soundSeverity } from '../alarm/sound-words';
import { pollingLine, pollingWords } from '../feed/feed-words';

interface Props {
  health: FeedHealth | null;
  /** This wall's link: while it is not 'connected', the health last heard is stale, never "OK". */
  connection: ConnectionState;
  feedSeverity: Severity;
  sound: SoundStatus;
  /** How old what the wall shows is; null when not known (not connected, nothing heard yet). */
  dataAgeMs: number | null;
  stale: boolean;
  nowMs: number;
  /** The room's calm line (RoomPresence inFooter), last. */
  room?: ReactNode;
}

const sev = (severity: Severity) => (severity === 'normal' ? '' : ` sev--${severity}`);

/** The wall's own health: is the feed alive, can the room hear, is this screen current. */
export function WallHealth({
  health,
  connection,
  feedSeverity,
  sound,
  dataAgeMs,
  stale,
  nowMs,
  room,
}: Props) {
  const { t } = useTranslation();
  const lastGood = health?.lastGoodPollAtMs ?? null;
  // Cut off from the core, the wall cannot know the feed: what it last heard is not shown as now.
  const linked = connection === 'connected';
  // Who polls, only while linked (otherwise it is as stale as the state). Not when this wall's own
  // core polls (always so on SQLite): the footer then fits one line at 1080p, and the line it would
  // take is a queue row (tests/e2e/queue-density.spec.ts). Named when another core polls or none does.
  const line = linked && health ? pollingLine(health) : null;
  const polling = line?.kind === 'self' ? null : line;
  const pollingText = polling && pollingWords(polling, 'wall');
  return (
    <footer className="wall-health" data-testid="wall-health">
      <span
        className={`wall-health-item${linked ? sev(feedSeverity) : ' sev--warning'}`}
        data-testid="wall-feed-state"
        data-linked={linked ? 'true' : 'false'}
      >
        {t('wall.feed')}:{' '}
        <strong>
          {!linked
            ? t('feed.notConnectedValue')
            : health
              ? t(`feed.state.${health.state}`)
              : t('feed.unknown')}
        </strong>
      </span>
      {polling && pollingText && (
        <span
          className={`wall-health-item wall-polling${polling.kind === 'none' ? ' sev--warning' : ''}`}
          data-testid="wall-polling"
          data-polling={polling.kind}
        >
          {t(pollingText.key, pollingText.values)}
        </span>
      )}
      <span className="wall-health-item" data-testid="wall-last-good">
        {!linked
          ? t('feed.lastGoodNotConnected')
          : lastGood === null
            ? t('wall.neverGood')
            : t('wall.lastGood', { ago: formatElapsed(t, nowMs - lastGood) })}
      </span>
      <span
        className={`wall-health-item${sev(soundSeverity(sound))}`}
        data-testid="wall-sound"
        data-sound={sound}
      >
        {t(SOUND_WORD[sound])}
      </span>
      <span
        className={`wall-health-item${stale ? ' sev--alarm' : linked ? '' : ' sev--warning'}`}
        data-testid="wall-data-age"
        data-stale={stale ? 'true' : 'false'}
      >
        {dataAgeMs === null
          ? t('wall.dataAgeNotKnown')
          : linked
            ? t('wall.dataAge', { age: formatElapsed(t, dataAgeMs) })
            : t('wall.dataAgeNotConnected', { age: formatElapsed(t, dataAgeMs) })}
      </span>
      {room}
    </footer>
  );
}
