import type { Language, SessionInfo, SessionState } from './initial-state';

export const sessionActions = {
  setInfo: (state: SessionState, info: SessionInfo): SessionState => ({ ...state, info }),
  // Kept as typed (trimming happens on validation and on send) so the field does not fight the cursor.
  setOperatorName: (state: SessionState, operatorName: string): SessionState =>
    operatorName === state.operatorName ? state : { ...state, operatorName: operatorName.slice(0, 128) },
  setLanguage: (state: SessionState, language: Language): SessionState =>
    language === state.language ? state : { ...state, language },
};
