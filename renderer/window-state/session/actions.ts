import type { Language, SessionInfo, SessionState } from './initial-state';

export const sessionActions = {
  /** The operator is whoever main says is logged on at this window: never a name typed on the page. */
  setInfo: (state: SessionState, info: SessionInfo): SessionState => ({
    ...state,
    info,
    operatorName: info.user?.name ?? '',
  }),
  setLanguage: (state: SessionState, language: Language): SessionState =>
    language === state.language ? state : { ...state, language },
};
