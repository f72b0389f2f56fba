// Which desks and walls the room cannot count on: hidden or frozen windows, speakers that are gone
// or blocked. Shown on the wall for the room, and on each desk (where it says nothing while all
// is well). The own desk's lost sound is a banner of its own (OwnSoundLostBanner).
import { useTranslation } from 'react-i18next';
import { clientNeedsAttention, type ClientState } from '../../../shared/presence';
import type { ClientLabel } from './useClientReport';
import type { SoundCheck } from '../../../shared/sound-check';
import { formatIstClock } from '../../ui/format/ist';
import type { Language } from '../../window-state/session/initial-state';

interface Props {
  clients: readonly ClientState[];
  self: ClientLabel | null;
  /** The wall says "all well" too; a desk stays quiet unless something needs attention. */
  variant: 'wall' | 'desk';
  /**
   * The wall's calm line, as items of its footer: while no desk needs attention the room's line
   * costs the queue no row (issue #16: 15 rows at 1080p). Anything wrong is a banner at the top.
   */
  inFooter?: boolean;
}

/** A test alarm nobody heard: an alarm of its own, like a lost output (shared/sound-check.ts). */
const notHeard = (client: ClientState) => client.soundCheck?.heard === false;

function problems(client: ClientState): string[] {
  const keys: string[] = [];
  if (client.visibility === 'hidden') keys.push('presence.hidden');
  if (client.visibility === 'frozen') keys.push('presence.frozen');
  if (client.audio === 'lost') keys.push('presence.audioLost');
  if (client.audio === 'blocked') keys.push('presence.audioBlocked');
  if (notHeard(client)) keys.push('soundCheck.roomNotHeard');
  return keys;
}

export function RoomPresence({ clients, self, variant, inFooter = false }: Props) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'hi' ? 'hi' : 'en';
  const name = (c: Pick<ClientState, 'role' | 'number'>) => t(`presence.${c.role}`, { number: c.number });
  // On a desk its own lost sound has its own banner (OwnSoundLostBanner): the line names the others.
  const isSelf = (c: ClientState) => variant === 'desk' && self?.role === c.role && self.number === c.number;
  const troubled = clients.filter((c) => clientNeedsAttention(c) && !isSelf(c));
  if (troubled.length === 0 && (variant === 'desk' || clients.length === 0)) return null;
  if (inFooter) {
    if (troubled.length > 0) return null; // the banner at the top says it
    return (
      <span className="wall-health-item room-presence-calm" role="status" data-testid="room-presence">
        {t('presence.connected', { count: clients.length })}
        <DesksOn clients={clients} name={name} />
        {self && (
          <span className="room-presence-self" data-testid="room-presence-self">
            {t('presence.thisScreen', { name: name(self) })}
          </span>
        )}
      </span>
    );
  }
  if (troubled.length === 0) return null; // the wall's calm line is in its footer
  const severity = troubled.some((c) => c.audio === 'lost' || c.visibility === 'frozen' || notHeard(c))
    ? 'alarm'
    : 'warning';
  return (
    <div className={`banner room-presence sev--${severity}`} role="alert" data-testid="room-presence">
      <span className="room-presence-title">{t('presence.title')}:</span>{' '}
      {troubled.map((c) => (
        <span
          key={`${c.role}-${c.number}`}
          className="room-presence-item"
          data-testid="room-presence-item"
          data-client={`${c.role}-${c.number}`}
          data-visibility={c.visibility}
          data-audio={c.audio}
        >
          {name(c)}:{' '}
          {problems(c)
            .map((key) => t(key, { time: c.soundCheck ? formatIstClock(c.soundCheck.atMs, language) : '' }))
            .join(', ')}
        </span>
      ))}
      {variant === 'wall' && <DesksOn clients={clients} name={name} />}
      {self && (
        <span className="room-presence-self" data-testid="room-presence-self">
          {t('presence.thisScreen', { name: name(self) })}
        </span>
      )}
    </div>
  );
}

/** The wall's line of which desks have somebody logged on (the core says; shared/room/room-presence.ts). */
function DesksOn({
  clients,
  name,
}: {
  clients: readonly ClientState[];
  name: (c: Pick<ClientState, 'role' | 'number'>) => string;
}) {
  const { t } = useTranslation();
  const on = clients.filter((c) => c.role === 'desk' && c.loggedOn);
  return (
    <span
      className={`room-presence-on${on.length === 0 ? ' room-presence-on--none' : ''}`}
      data-testid="room-presence-on"
      data-count={on.length}
    >
      {on.length === 0 ? t('room.nobodyOn') : t('room.desksOn', { list: on.map(name).join(', ') })}
    </span>
  );
}

/**
 * This desk cannot sound the alarm, or its test was not heard: an alarm state of its own, not a
 * word in the header. A lost output is named first (it is the likelier cause of a test not heard).
 */
export function OwnSoundLostBanner({
  lost,
  notHeard = null,
  language = 'en',
}: {
  lost: boolean;
  notHeard?: SoundCheck | null;
  language?: Language;
}) {
  const { t } = useTranslation();
  if (lost)
    return (
      <div className="banner sev--alarm" role="alert" data-testid="own-sound-lost">
        {t('presence.ownLost')}
      </div>
    );
  if (!notHeard) return null;
  return (
    <div className="banner sev--alarm" role="alert" data-testid="own-sound-not-heard">
      {t('soundCheck.ownNotHeard', { time: formatIstClock(notHeard.atMs, language), name: notHeard.by })}
    </div>
  );
}
