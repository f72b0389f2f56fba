import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { acknowledgementKind } from '../../../shared/acknowledgement';
import type { FlagDetail, QueueItem } from '../../../shared/domain';
import { formatIst } from '../../ui/format/ist';
import type { Language } from '../../window-state/session/initial-state';
import { CaseSteps } from '../dispatch/CaseSteps';
import { RevealPanel } from './RevealPanel';
import { Elapsed } from '../../ui/Elapsed';
import { EventHistory } from './EventHistory';
import { Field } from '../../ui/Fields';
import { FlagTimers } from './FlagTimers';
import { districtLabel } from '../queue/QueueRow';
import { RelatedFlags } from './RelatedFlags';
import { RiskBadge } from '../../ui/RiskBadge';
import { UnitField } from '../dispatch/UnitField';

export const DETAIL_PANEL_ID = 'detail-panel';

interface Props {
  /** The queue's copy: always current, shown at once while the detail loads. */
  item: QueueItem | null;
  detail: FlagDetail | null;
  loading: boolean;
  loadError: string | null;
  language: Language;
  nowMs: number;
  operatorValid: boolean;
  acknowledging: boolean;
  ackError: string | null;
  onAcknowledge(id: string): void;
  onOpenRelated(id: string): void;
  /** Dispatch, confirmation and close of the selected flag (renderer/features/dispatch/CaseSteps.tsx). */
  steps: Pick<
    ComponentProps<typeof CaseSteps>,
    'contacts' | 'pending' | 'error' | 'onDispatch' | 'onConfirm' | 'onClose' | 'onFollowUp'
  >;
  /** Need-to-know: the selected flag's identity and content, once revealed with a reason. */
  reveal: Pick<ComponentProps<typeof RevealPanel>, 'personal' | 'pending' | 'error' | 'onReveal' | 'onHide'>;
}

export function DetailPanel(props: Props) {
  const {
    item,
    detail,
    loading,
    loadError,
    language,
    nowMs,
    operatorValid,
    acknowledging,
    ackError,
    onAcknowledge,
    onOpenRelated,
    steps,
    reveal,
  } = props;
  const { t } = useTranslation();
  if (!item) {
    return (
      <section id={DETAIL_PANEL_ID} className="detail detail--empty" tabIndex={-1} data-testid="detail-panel">
        <p>{t('detail.none')}</p>
      </section>
    );
  }
  const ackKind = acknowledgementKind(item);
  const canAcknowledge = ackKind !== null && operatorValid && !acknowledging;
  const ackLabel = ackKind === 'raise' ? t('detail.acknowledgeRaise') : t('detail.acknowledge');
  const category = item.category ? t(`category.${item.category}`, { defaultValue: item.category }) : null;
  return (
    <section
      id={DETAIL_PANEL_ID}
      className="detail"
      tabIndex={-1}
      aria-labelledby="detail-title"
      data-testid="detail-panel"
      data-flag-id={item.id}
    >
      <div className="detail-head">
        <h2 id="detail-title">
          {t('detail.caseNo')} <span data-testid="detail-case">{item.caseNo}</span>
        </h2>
        <RiskBadge risk={item.risk} />
        <span className={`tag tag--state-${item.state}`} data-testid="detail-state">
          {t(`state.${item.state}`)}
        </span>
        {item.riskRaisePending && <span className="tag tag--raised">{t('queue.riskRaised')}</span>}
        {item.status === 'withdrawn' && <span className="tag tag--withdrawn">{t('queue.withdrawn')}</span>}
        {item.training && <span className="tag tag--training">{t('detail.training')}</span>}
      </div>
      {/* A closed flag is back only for its welfare check-in: nothing to acknowledge, no timers running. */}
      {!(item.state === 'closed' && ackKind === null) && (
        <div className="ack-bar">
          <button
            type="button"
            className="acknowledge"
            data-testid="acknowledge"
            disabled={!canAcknowledge}
            onClick={() => onAcknowledge(item.id)}
          >
            {acknowledging ? t('detail.acknowledging') : ackLabel}
          </button>
          {ackKind !== null && !operatorValid && <span className="ack-hint">{t('operator.required')}</span>}
          {ackError && (
            <p className="ack-error" role="alert" data-testid="acknowledge-error">
              {ackError}
            </p>
          )}
        </div>
      )}
      <div className="detail-body">
        <dl className="summary">
          <Field
            label={t('detail.district')}
            value={districtLabel(item.districtKey, language, t('queue.unknownDistrict'))}
          />
          <UnitField route={item.route} language={language} />
          <Field label={t('detail.platform')} value={item.platform} />
          <Field label={t('detail.category')} value={category} />
          <Field
            label={t('detail.flaggedAt')}
            value={
              <>
                {formatIst(item.flaggedAtMs, language)}{' '}
                <span className="since">
                  (<Elapsed ms={nowMs - item.flaggedAtMs} />)
                </span>
              </>
            }
            testId="detail-flagged-at"
          />
          <Field label={t('detail.acknowledgedBy')} value={item.acknowledgedBy} testId="detail-ack-by" />
          <Field
            label={t('detail.acknowledgedAt')}
            value={item.acknowledgedAtMs === null ? null : formatIst(item.acknowledgedAtMs, language)}
          />
        </dl>
        <CaseSteps item={item} language={language} operatorValid={operatorValid} {...steps} />
        {item.state !== 'closed' && <FlagTimers item={item} nowMs={nowMs} />}
        {loadError && (
          <p className="detail-error" role="alert">
            {loadError}
          </p>
        )}
        {!detail && loading && <p className="detail-loading">{t('detail.loading')}</p>}
        {detail && (
          <>
            <RelatedFlags related={detail.related} language={language} onOpen={onOpenRelated} />
            <RevealPanel
              key={item.id}
              personal={reveal.personal}
              language={language}
              operatorValid={operatorValid}
              pending={reveal.pending}
              error={reveal.error}
              onReveal={reveal.onReveal}
              onHide={reveal.onHide}
            />
            <EventHistory events={detail.events} language={language} />
          </>
        )}
      </div>
    </section>
  );
}
