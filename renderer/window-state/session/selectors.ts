import { operatorName as operatorNameSchema } from '../../../shared/contract';
import type { Language, SessionState } from './initial-state';

type WithSession = { readonly session: SessionState };

export const selectSessionInfo = (state: WithSession) => state.session.info;
/** Until the session is known, assume training is off: the banner appears once main says so. */
export const selectTraining = (state: WithSession): boolean => state.session.info?.training ?? false;
/** Until main says otherwise, a window is what its URL asks for; main's word then wins. */
export const selectRole = (state: WithSession): 'desk' | 'wall' | null => state.session.info?.role ?? null;
export const selectOperatorName = (state: WithSession): string => state.session.operatorName;
export const selectLanguage = (state: WithSession): Language => state.session.language;

/** The same rule main applies to `acknowledge`, so the button is never enabled for a name main refuses. */
export function isValidOperatorName(name: string): boolean {
  return operatorNameSchema.safeParse(name).success;
}

/** Someone is logged on here and the desk is not locked: the buttons that act may be enabled. */
export const selectOperatorValid = (state: WithSession): boolean =>
  state.session.info?.user != null && !state.session.info.locked;

export const selectUser = (state: WithSession) => state.session.info?.user ?? null;

/** The room's shift schedule (IST), or null until main has said it. */
export const selectSchedule = (state: WithSession) => state.session.info?.schedule ?? null;
