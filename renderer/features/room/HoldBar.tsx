// Above the flag's detail: who works it. Held at another desk, the only way in is an explicit
// takeover (the core refuses this desk's actions on it until then).
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { QueueItem } from '../../../shared/domain';

/** The core names a desk "desk 2" (its number in the room); each language says it its own way. */
export function deskName(label: string, t: TFunction): string {
  const match = /^(desk|wall) (\d+)$/.exec(label);
  return match ? t(`presence.${match[1]}`, { number: Number(match[2]) }) : label;
}

interface Props {
  item: QueueItem | null;
  /** The operator logged on here. */
  me: string | null;
  nowMs: number;
  pending: boolean;
  error: string | null;
  onTakeOver(id: string): void;
}

export function HoldBar({ item, me, nowMs, pending, error, onTakeOver }: Props) {
  const { t } = useTranslation();
  const hold = item?.heldBy;
  if (!item || !hold) return null;
  const mine = me !== null && hold.name === me;
  const releasing =
    hold.releaseAtMs === null
      ? null
      : t('room.releasing', {
          desk: deskName(hold.desk, t),
          seconds: Math.max(0, Math.ceil((hold.releaseAtMs - nowMs) / 1000)),
        });
  return (
    <div
      className={`hold-bar${mine ? ' hold-bar--mine' : ' hold-bar--other'}`}
      data-testid="hold-bar"
      data-held-by={hold.name}
      data-mine={mine ? 'true' : 'false'}
      role="status"
    >
      <span className="hold-bar-text">
        {mine
          ? t('room.heldByYou', { desk: deskName(hold.desk, t) })
          : t('room.heldBy', { name: hold.name, desk: deskName(hold.desk, t) })}
      </span>
      {releasing && <span className="hold-bar-releasing"> — {releasing}</span>}
      {!mine && (
        <>
          <p className="hold-bar-help">{t('room.takeOverHelp')}</p>
          <button
            type="button"
            className="take-over-button"
            data-testid="take-over"
            disabled={pending}
            onClick={() => onTakeOver(item.id)}
          >
            {t('room.takeOver', { name: hold.name })}
          </button>
        </>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The short tag on a queue row ("Held by NAME at DESK") or a wall row ("Held at DESK": short, read from 5 m). */
export function HeldTag({ item, wall = false }: { item: QueueItem; wall?: boolean }) {
  const { t } = useTranslation();
  if (!item.heldBy) return null;
  const desk = deskName(item.heldBy.desk, t);
  return (
    <span className="tag tag--held" data-testid="held-tag" data-held-by={item.heldBy.name}>
      {wall ? t('room.heldAt', { desk }) : t('room.heldBy', { name: item.heldBy.name, desk })}
    </span>
  );
}
