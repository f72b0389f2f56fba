import { useTranslation } from 'react-i18next';
import { HANDOVER_NOTES_MAX } from './summary-rows';
import type { DocText } from './doc-text';
import { DocSection } from './DocParts';

interface Props {
  text: DocText;
  /** The signed notes, or null while the handover is still open for writing. */
  signedNotes: string | null;
  draft: string;
  onDraft(notes: string): void;
}

/** The outgoing supervisor's own words: a text box until signed (printed as typed), then fixed text. */
export function NotesSection({ text, signedNotes, draft, onDraft }: Props) {
  const { t } = useTranslation();
  const title = text.tx('handover.doc.notes');
  if (signedNotes !== null) {
    return (
      <DocSection title={title}>
        <div className="doc-notes" data-testid="handover-notes">
          {signedNotes.trim() === '' ? text.tx('handover.doc.noNotes') : signedNotes}
        </div>
      </DocSection>
    );
  }
  return (
    <DocSection title={title}>
      <textarea
        className="doc-notes-input no-print"
        data-testid="handover-notes"
        aria-label={title}
        aria-describedby="handover-notes-hint"
        rows={6}
        maxLength={HANDOVER_NOTES_MAX}
        value={draft}
        onChange={(e) => onDraft(e.target.value)}
      />
      <small id="handover-notes-hint" className="no-print doc-hint">
        {t('handover.ui.notesHint')}
      </small>
      <div className="doc-notes print-only">
        {draft.trim() === '' ? text.tx('handover.doc.noNotes') : draft}
      </div>
    </DocSection>
  );
}
