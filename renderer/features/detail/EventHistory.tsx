import { useTranslation } from 'react-i18next';
import type { FlagEvent } from '../../../shared/domain';
import { formatIst } from '../../ui/format/ist';
import type { Language } from '../../window-state/session/initial-state';
import { text } from '../../ui/Fields';

function summary(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .map(([k, v]) => [k, text(v)] as const)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}: ${v}`)
    .join(' · ');
}

export function EventHistory({ events, language }: { events: readonly FlagEvent[]; language: Language }) {
  const { t } = useTranslation();
  return (
    <section className="field-group">
      <h3>{t('detail.history')}</h3>
      <ol className="history" data-testid="history">
        {events.map((e) => (
          <li key={e.seq}>
            <span className="history-time">{formatIst(e.atMs, language)}</span>
            <strong className="history-kind">
              {/* Every step in the operator's words; a kind without words yet shows as itself. */}
              {t(`events.${e.kind}`, { defaultValue: e.kind })}
            </strong>
            {e.actor && <span className="history-actor">{e.actor}</span>}
            <span className="history-detail">{summary(e.detail)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
