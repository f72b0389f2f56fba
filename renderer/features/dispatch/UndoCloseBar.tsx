import { useTranslation } from 'react-i18next';
import { CLOSE_UNDO_MS, type Outcome } from '../../../shared/dispatch';

export interface RecentClose {
  id: string;
  caseNo: string;
  outcome: Outcome;
  /** When this desk saw the close succeed (the window is main's; this only shows it). */
  atMs: number;
}

interface Props {
  close: RecentClose | null;
  nowMs: number;
  pending: boolean;
  error: string | null;
  onUndo(id: string): void;
  onDismiss(): void;
}

/**
 * After a close, the flag leaves the queue; this bar keeps it one click away for CLOSE_UNDO_MS, on
 * the desk that closed it (main allows the undo to that operator only, and records it).
 */
export function UndoCloseBar({ close, nowMs, pending, error, onUndo, onDismiss }: Props) {
  const { t } = useTranslation();
  if (!close) return null;
  // The desk's 1 s clock may lag the close by up to a second: never show more than the window.
  const leftMs = Math.min(CLOSE_UNDO_MS, close.atMs + CLOSE_UNDO_MS - nowMs);
  if (leftMs <= 0 && !error) return null;
  const left = Math.max(0, Math.ceil(leftMs / 1000));
  return (
    <div className="undo-close" role="status" data-testid="undo-close" data-flag-id={close.id}>
      <span>
        {t('closeSafety.closed', { caseNo: close.caseNo, outcome: t(`dispatch.outcomes.${close.outcome}`) })}
      </span>
      {leftMs > 0 && (
        <button
          type="button"
          disabled={pending}
          onClick={() => onUndo(close.id)}
          data-testid="undo-close-send"
        >
          {t('closeSafety.undo', { m: Math.floor(left / 60), s: String(left % 60).padStart(2, '0') })}
        </button>
      )}
      {error && (
        <span className="case-error" role="alert" data-testid="undo-close-error">
          {error}
        </span>
      )}
      <button
        type="button"
        className="undo-close-dismiss"
        onClick={onDismiss}
        aria-label={t('closeSafety.dismiss')}
      >
        ×
      </button>
    </div>
  );
}
