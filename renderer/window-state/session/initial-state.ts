import type { InvokeResponse } from '../../../shared/contract';

export type SessionInfo = InvokeResponse<'getSession'>;
export type Language = 'en' | 'hi';
export const LANGUAGES: readonly Language[] = ['en', 'hi'];

export interface SessionState {
  readonly info: SessionInfo | null;
  /** Who acts from this desk: the logged-on user (main overrides any other name anyway). */
  readonly operatorName: string;
  readonly language: Language;
}

export const initialSessionState: SessionState = { info: null, operatorName: '', language: 'en' };
