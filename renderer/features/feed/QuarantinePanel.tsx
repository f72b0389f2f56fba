import { useTranslation } from 'react-i18next';
import type { QuarantinedRecord } from '../../../shared/domain';
import { formatIst } from '../../ui/format/ist';
import { shortHash } from '../handover/summary-rows';
import type { Language } from '../../window-state/session/initial-state';

export const QUARANTINE_PANEL_ID = 'quarantine-panel';

interface Props {
  records: QuarantinedRecord[] | null;
  error: string | null;
  limit: number;
  language: Language;
  onClose(): void;
}

/** What the feed sent that broke a rule: what and why, never the content (main does not keep it). */
export function QuarantinePanel({ records, error, limit, language, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <aside
      id={QUARANTINE_PANEL_ID}
      className="quarantine-panel"
      role="dialog"
      aria-labelledby="quarantine-title"
      tabIndex={-1}
      data-testid="quarantine-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className="quarantine-head">
        <h2 id="quarantine-title">{t('quarantine.title')}</h2>
        {records && records.length >= limit && (
          <span className="quarantine-shown">{t('quarantine.shown', { count: records.length })}</span>
        )}
        <button type="button" onClick={onClose} data-testid="quarantine-close" autoFocus>
          {t('quarantine.close')}
        </button>
      </div>
      <p className="quarantine-hint">{t('quarantine.hint')}</p>
      {error && (
        <p className="detail-error" role="alert">
          {t('quarantine.failed', { message: error })}
        </p>
      )}
      {records === null && !error && <p className="detail-loading">{t('quarantine.loading')}</p>}
      {records !== null && records.length === 0 && (
        <p className="quarantine-empty">{t('quarantine.empty')}</p>
      )}
      {records !== null && records.length > 0 && (
        <div className="quarantine-scroll">
          <table className="quarantine-table">
            <thead>
              <tr>
                <th scope="col">{t('quarantine.time')}</th>
                <th scope="col">{t('quarantine.source')}</th>
                <th scope="col">{t('quarantine.field')}</th>
                <th scope="col">{t('quarantine.rule')}</th>
                <th scope="col">{t('quarantine.idHint')}</th>
                <th scope="col">{t('quarantine.hash')}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => (
                <tr key={r.seq} data-testid="quarantine-row" data-seq={r.seq}>
                  <td className="nowrap">{formatIst(r.receivedAtMs, language)}</td>
                  <td>{r.source}</td>
                  <td className="mono">{r.field}</td>
                  <td>{r.rule}</td>
                  <td className="mono">{r.idHint ?? '—'}</td>
                  <td className="mono" title={r.rawSha256}>
                    {shortHash(r.rawSha256)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </aside>
  );
}
