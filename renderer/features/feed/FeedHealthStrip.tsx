import { useTranslation } from 'react-i18next';
import type { FeedHealth } from '../../../shared/domain';
import type { ConnectionState } from '../../api/connection';
import type { Severity } from '../../window-state/feed/selectors';
import { formatElapsed } from '../../ui/format/elapsed';
import { pollingLine, pollingWords } from './feed-words';

interface Props {
  health: FeedHealth | null;
  /** This screen's link: while it is not 'connected', the health last heard is stale, never "OK". */
  connection: ConnectionState;
  severity: Severity;
  nowMs: number;
  /** More records were quarantined since the desk opened or the list was last looked at. */
  quarantineUnseen: boolean;
  onQuarantine(): void;
}

/** Grey when all is well; amber or red, and only then, when the room has to look. */
export function FeedHealthStrip({
  health,
  connection,
  severity,
  nowMs,
  quarantineUnseen,
  onQuarantine,
}: Props) {
  const { t } = useTranslation();
  if (connection !== 'connected') {
    // Not a state of the feed: this desk cannot know it. The banner above says NOT CONNECTED.
    return (
      <section
        className="feed-strip sev--warning"
        data-testid="feed-health"
        data-state="not-connected"
        aria-label={t('feed.label')}
      >
        <span className="feed-state">
          {t('feed.label')}: <strong>{t('feed.notConnectedValue')}</strong>
        </span>
        <span data-testid="feed-last-good">{t('feed.lastGoodNotConnected')}</span>
      </section>
    );
  }
  if (!health) {
    return (
      <section
        className="feed-strip sev--warning"
        data-testid="feed-health"
        data-state="unknown"
        aria-label={t('feed.label')}
      >
        <span className="feed-state">{t('feed.unknown')}</span>
      </section>
    );
  }
  const polling = pollingLine(health);
  const pollingText = pollingWords(polling, 'desk');
  return (
    <section
      className={`feed-strip sev--${severity}`}
      data-testid="feed-health"
      data-state={health.state}
      aria-label={t('feed.label')}
    >
      <span className="feed-state">
        {t('feed.label')}: <strong>{t(`feed.state.${health.state}`)}</strong> (
        {t(`feed.source.${health.source}`)})
      </span>
      <span
        className={polling.kind === 'none' ? 'feed-bad' : undefined}
        data-testid="feed-polling"
        data-polling={polling.kind}
      >
        {t(pollingText.key, pollingText.values)}
      </span>
      <span data-testid="feed-last-good">
        {health.lastGoodPollAtMs === null
          ? t('feed.neverGood')
          : t('feed.lastGood', { ago: formatElapsed(t, nowMs - health.lastGoodPollAtMs) })}
      </span>
      <span className={health.consecutiveFailures > 0 ? 'feed-bad' : undefined}>
        {t('feed.failures', { count: health.consecutiveFailures })}
      </span>
      {health.lastError && (
        // Plain words for the room; the technical message stays on hover for the support call.
        <span className="feed-error" title={health.lastError.message} data-testid="feed-error">
          {t('feed.lastError', {
            message: t(`feedLoss.errorKind.${health.lastError.kind}`, {
              defaultValue: health.lastError.message,
            }),
          })}
        </span>
      )}
      <button
        type="button"
        className={`quarantine-open${quarantineUnseen ? ' sev--warning' : ''}`}
        data-testid="quarantine-open"
        data-unseen={quarantineUnseen ? 'true' : 'false'}
        aria-haspopup="dialog"
        onClick={onQuarantine}
      >
        {t(quarantineUnseen ? 'quarantine.openNew' : 'quarantine.open', { count: health.quarantinedTotal })}
      </button>
    </section>
  );
}
