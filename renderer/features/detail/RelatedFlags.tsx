import { useTranslation } from 'react-i18next';
import type { RelatedFlag } from '../../../shared/domain';
import { formatIst } from '../../ui/format/ist';
import type { Language } from '../../window-state/session/initial-state';
import { RiskBadge } from '../../ui/RiskBadge';

interface Props {
  related: readonly RelatedFlag[];
  language: Language;
  onOpen(id: string): void;
}

/** One person's history: the other flags of the same account, linked by main, never merged. */
export function RelatedFlags({ related, language, onOpen }: Props) {
  const { t } = useTranslation();
  return (
    <section className="field-group related" data-testid="related-flags" data-count={related.length}>
      <h3>{related.length ? t('detail.related', { count: related.length }) : t('detail.relatedNone')}</h3>
      {related.length > 0 && (
        <ul>
          {related.map((r) => (
            <li key={r.id} data-testid="related-flag" data-flag-id={r.id}>
              <RiskBadge risk={r.risk} /> <strong>{r.caseNo}</strong> · {formatIst(r.flaggedAtMs, language)} ·{' '}
              {t(`state.${r.state}`)}
              {r.outcome && <> — {t(`dispatch.outcomes.${r.outcome}`, { defaultValue: r.outcome })}</>}
              {r.state !== 'closed' && (
                <button type="button" onClick={() => onOpen(r.id)}>
                  {t('detail.relatedOpen')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
