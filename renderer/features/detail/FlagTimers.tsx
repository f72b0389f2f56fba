import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../../shared/domain';
import { flagTimers, type FlagTimer } from '../../../shared/timers';
import { formatElapsed, formatMinutes } from '../../ui/format/elapsed';

interface Props {
  item: QueueItem;
  nowMs: number;
}

function statusKeys(timer: FlagTimer): string[] {
  if (timer.startMs === null) return ['timers.notStarted'];
  const progress = timer.doneAtMs === null ? 'timers.running' : 'timers.done';
  return timer.breached ? [progress, 'timers.breached'] : [progress];
}

/**
 * Each stage of the flag against its target, ticking. Grey while within target; coloured only when
 * breached. Dispatch, confirmation and closing are not recorded yet, so only the acknowledgement
 * can finish; the dispatch and close timers run from receipt regardless.
 */
export function FlagTimers({ item, nowMs }: Props) {
  const { t } = useTranslation();
  const timers = flagTimers(
    {
      risk: item.risk,
      receivedAtMs: item.receivedAtMs,
      acknowledgedAtMs: item.acknowledgedAtMs,
      dispatchedAtMs: item.dispatch?.atMs ?? null,
      confirmedAtMs: item.dispatch?.confirmedAtMs ?? null,
    },
    nowMs,
  );
  return (
    <section className="field-group timers" aria-labelledby="timers-title">
      <h3 id="timers-title">{t('timers.title')}</h3>
      <table className="timers-table">
        <thead>
          <tr>
            <th scope="col">{t('timers.stage')}</th>
            <th scope="col">{t('timers.elapsed')}</th>
            <th scope="col">{t('timers.target')}</th>
            <th scope="col">{t('timers.status')}</th>
          </tr>
        </thead>
        <tbody>
          {timers.map((timer) => (
            <tr
              key={timer.stage}
              className={timer.breached ? 'timer timer--breached' : 'timer'}
              data-testid={`timer-${timer.stage}`}
              data-breached={timer.breached ? 'true' : 'false'}
              data-done={timer.doneAtMs === null ? 'false' : 'true'}
            >
              <th scope="row">{t(`timers.stages.${timer.stage}`)}</th>
              <td className="timer-elapsed">
                {timer.elapsedMs === null ? '—' : formatElapsed(t, timer.elapsedMs)}
              </td>
              <td className="timer-target">{formatMinutes(t, timer.targetMs)}</td>
              <td className="timer-status">
                {statusKeys(timer)
                  .map((key) => t(key))
                  .join(' · ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
