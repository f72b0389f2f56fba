// What a desk or a wall says about the room: its own lost link (NOT CONNECTED, in each screen's
// own words), nobody in the room receiving flags, and the room's notices (a takeover, a flag back
// with the room). None of it carries a subject's personal field: operators' names and case numbers.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../../shared/contract';
import type { ConsoleApi } from '../../api/connection';
import type { ConnectionState } from '../../api/connection';

/** The link is down (heartbeat silent or closed): this screen shows a frozen room until it is back. */
export function LinkLostBanner({
  connection,
  variant,
}: {
  connection: ConnectionState;
  variant: 'desk' | 'wall';
}) {
  const { t } = useTranslation();
  if (connection !== 'reconnecting') return null;
  return (
    <div
      className={
        variant === 'wall' ? 'banner sev--alarm link-lost link-lost--wall' : 'stale-banner link-lost'
      }
      role="alert"
      data-testid="stale-banner"
      data-room="not-connected"
    >
      {t(variant === 'wall' ? 'room.notConnectedWall' : 'room.notConnectedDesk')}
    </div>
  );
}

/** Flags are open and no logged-on desk is connected: the core's alarm, loudest on the wall. */
export function NoDeskBanner({ active, variant }: { active: boolean; variant: 'desk' | 'wall' }) {
  const { t } = useTranslation();
  if (!active) return null;
  return (
    <div
      className={`banner sev--alarm no-desk${variant === 'wall' ? ' no-desk--wall' : ''}`}
      role="alert"
      data-testid="no-desk"
    >
      {t('room.noDesk')}
    </div>
  );
}

type Notice = EventPayload<'roomNotice'>;
/** A notice stays on screen this long: long enough to be read across the room. */
const NOTICE_SHOWN_MS = 2 * 60_000;
const NOTICES_KEPT = 3;

export function useRoomNotices(api: ConsoleApi, nowMs: number): Notice[] {
  const [notices, setNotices] = useState<Notice[]>([]);
  useEffect(
    () => api.on('roomNotice', (notice) => setNotices((list) => [notice, ...list].slice(0, NOTICES_KEPT))),
    [api],
  );
  // The notice's own time is the core's; the page's clock decides how long it stays.
  const [seenAt] = useState(() => new Map<Notice, number>());
  return notices.filter((n) => {
    if (!seenAt.has(n)) seenAt.set(n, nowMs);
    return nowMs - seenAt.get(n)! < NOTICE_SHOWN_MS;
  });
}

export function RoomNotices({ notices }: { notices: Notice[] }) {
  const { t } = useTranslation();
  if (notices.length === 0) return null;
  return (
    <div className="banner sev--warning room-notices" role="status" data-testid="room-notices">
      {notices.map((n) => (
        <div key={`${n.kind}-${n.id}-${n.atMs}`} data-testid="room-notice" data-kind={n.kind}>
          {n.kind === 'taken_over'
            ? t('room.takenOver', { caseNo: n.caseNo, by: n.by ?? '', from: n.from ?? '' })
            : t('room.holdReleased', { caseNo: n.caseNo, from: n.from ?? '' })}
        </div>
      ))}
    </div>
  );
}
