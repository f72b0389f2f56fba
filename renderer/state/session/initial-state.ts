import type { InvokeResponse } from '../../../shared/contract';

export type SessionInfo = InvokeResponse<'getSession'>;
export type Language = 'en' | 'hi';
export const LANGUAGES: readonly Language[] = ['en', 'hi'];

export interface SessionState {
  readonly info: SessionInfo | null;
  /** Who acknowledges from this desk; kept for the browser session only (see persist.ts). */
  readonly operatorName: string;
  readonly language: Language;
}

export const initialSessionState: SessionState = { info: null, operatorName: '', language: 'en' };
