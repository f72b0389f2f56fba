// The likely units of a flag the supervisor decides, ranked as routing ranked them (most likely
// first), each with the evidence that names it: the question ("Bhilwara or Jaipur?") and, where the
// dispatch form is open, one button per unit that chooses it. Only district names are shown: the
// city the student named is personal and comes through a recorded reveal.
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../../shared/domain';
import { registryUnit } from '../registry/registry-in-force';
import type { Language } from '../../window-state/session/initial-state';
import { districtLabel } from '../queue/QueueRow';

type Candidates = QueueItem['route']['candidates'];

/** "Bhilwara or Jaipur" in the desk's language. */
export function candidateDistricts(candidates: Candidates, language: Language, or: string): string {
  return candidates.map((c) => districtLabel(c.districtKey, language, c.districtKey)).join(or);
}

export function RouteQuestion({ candidates, language }: { candidates: Candidates; language: Language }) {
  const { t } = useTranslation();
  if (candidates.length === 0) return null;
  return (
    <div className="route-candidates" data-testid="route-candidates">
      <p className="route-question" data-testid="route-question">
        {t('routing.question', { districts: candidateDistricts(candidates, language, t('routing.or')) })}
      </p>
      <ol aria-label={t('routing.candidates')}>
        {candidates.map((c) => (
          <li key={c.districtKey} data-testid="route-candidate" data-unit-key={c.unitKey}>
            {registryUnit(c.unitKey)?.[language] ?? c.unitKey}{' '}
            <small>({t(`routing.basis.${c.basis}`)})</small>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** One click chooses a unit; the reason the dispatch records names the candidates. */
export function CandidatePicker({
  candidates,
  language,
  chosen,
  onChoose,
}: {
  candidates: Candidates;
  language: Language;
  chosen: string;
  onChoose(unitKey: string, reason: string): void;
}) {
  const { t } = useTranslation();
  if (candidates.length === 0) return null;
  const reason = t('routing.chosenReason', {
    districts: candidateDistricts(candidates, language, t('routing.or')),
  });
  return (
    <div className="candidate-picker" role="group" aria-label={t('routing.candidates')}>
      <span>{t('routing.candidates')}</span>
      {candidates.map((c) => (
        <button
          key={c.unitKey}
          type="button"
          aria-pressed={chosen === c.unitKey}
          onClick={() => onChoose(c.unitKey, reason)}
          data-testid="dispatch-candidate"
          data-unit-key={c.unitKey}
        >
          {t('routing.choose')}: {registryUnit(c.unitKey)?.[language] ?? c.unitKey}
        </button>
      ))}
    </div>
  );
}
