// A history entry's detail as one line in the desk's language. The core stores the detail as data
// (keys and codes: revision, risk, state, outcome, unit key); every key and every known code is
// worded here. Free values (a name, a note, a reference number) are shown as they are, and so is a
// key or code this version has no words for (an older or newer core).
import type { TFunction } from 'i18next';
import { FLAG_STATES, PLATFORM_STATUSES, RISKS } from '../../../shared/domain';
import { DISPATCH_MEANS, OUTCOMES } from '../../../shared/dispatch';
import { FOLLOW_UP_OUTCOMES } from '../../../shared/follow-ups';
import { registryUnit } from '../registry/registry-in-force';
import { text } from '../../ui/Fields';
import { formatIst } from '../../ui/format/ist';
import { formatSpan } from '../../ui/format/span';
import type { Language } from '../../window-state/session/initial-state';
import { deskName } from '../room/HoldBar';

const RECEIPT_VIAS = ['console', 'telephone'] as const;
const UNIT_STEP_KINDS = ['officers_sent', 'contact_made', 'outcome'] as const;

const has = (list: readonly string[], value: unknown): value is string =>
  typeof value === 'string' && list.includes(value);

/** The words for one value of the given key, or null when it is a free value or an unknown code. */
function codeWords(key: string, value: unknown, t: TFunction, language: Language): string | null {
  switch (key) {
    case 'risk':
      return has(RISKS, value) ? t(`risk.${value}`) : null;
    case 'status':
      return has(PLATFORM_STATUSES, value) ? t(`eventDetail.status.${value}`) : null;
    // `from`/`to` are revision numbers on a revision and states on an acknowledgement.
    case 'from':
    case 'to':
    case 'state':
      return has(FLAG_STATES, value) ? t(`state.${value}`) : null;
    case 'outcome':
      if (has(OUTCOMES, value)) return t(`dispatch.outcomes.${value}`);
      return has(FOLLOW_UP_OUTCOMES, value) ? t(`followUp.outcomes.${value}`) : null;
    case 'means':
      return has(DISPATCH_MEANS, value) ? t(`dispatch.meansNames.${value}`) : null;
    case 'unitKey':
    case 'routedUnitKey': {
      const unit = typeof value === 'string' ? registryUnit(value) : undefined;
      return unit ? unit[language] : null;
    }
    case 'closedAtMs':
      return typeof value === 'number' ? formatIst(value, language) : null;
    case 'afterMs':
    case 'olderThanMs':
      return typeof value === 'number' ? formatSpan(t, value) : null;
    // A district control room's receipt and steps (core/store/*/unit-queries.ts).
    case 'via':
      return has(RECEIPT_VIAS, value) ? t(`eventDetail.via.${value}`) : null;
    case 'step':
      return has(UNIT_STEP_KINDS, value) ? t(`eventDetail.step.${value}`) : null;
    case 'fromDesk':
    case 'toDesk':
      return typeof value === 'string' ? deskName(value, t) : null;
    default:
      return null;
  }
}

/** "revision: 3 · risk: High" / "संशोधन: 3 · जोखिम: उच्च"; entries without a value are left out. */
export function eventDetailText(detail: Record<string, unknown>, t: TFunction, language: Language): string {
  return Object.entries(detail)
    .map(([key, value]) => {
      const shown = codeWords(key, value, t, language) ?? text(value);
      if (shown === null) return null;
      return `${t(`eventDetail.keys.${key}`, { defaultValue: key })}: ${shown}`;
    })
    .filter((part) => part !== null)
    .join(' · ');
}

/**
 * Who took the step: a person's name as it is; the core's own steps (electron/main/core: the hold
 * released by room-core.ts as 'system', retention-schedule.ts's RETENTION_ACTOR) in words.
 */
export function eventActorText(actor: string, t: TFunction): string {
  if (actor === 'system') return t('eventDetail.actors.system');
  if (actor === 'system (retention)') return t('eventDetail.actors.retention');
  return actor;
}
