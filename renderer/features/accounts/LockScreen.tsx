// The idle lock: nothing of what was on the desk, only who it belongs to and a way back in.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/accounts';

interface Props {
  user: SessionUser;
  idleMinutes: number;
  pending: boolean;
  error: string | null;
  onUnlock(password: string): void;
  onLogoff(): void;
}

export function LockScreen({ user, idleMinutes, pending, error, onUnlock, onLogoff }: Props) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  return (
    <main className="logon logon--locked" data-testid="lock-screen">
      <form
        className="logon-form"
        onSubmit={(e) => {
          e.preventDefault();
          onUnlock(password);
          setPassword('');
        }}
      >
        <h1>{t('accounts.lockedTitle')}</h1>
        <p className="logon-hint">{t('accounts.lockedHint', { name: user.name, minutes: idleMinutes })}</p>
        <label>
          <span>{t('accounts.password')}</span>
          <input
            type="password"
            value={password}
            maxLength={200}
            autoComplete="current-password"
            autoFocus
            onChange={(e) => setPassword(e.target.value)}
            data-testid="unlock-password"
          />
        </label>
        <div className="logon-actions">
          <button type="submit" disabled={pending || password === ''} data-testid="unlock-send">
            {t('accounts.unlock')}
          </button>
          <button type="button" onClick={onLogoff} data-testid="lock-logoff">
            {t('accounts.logoff')}
          </button>
        </div>
        {error && (
          <p className="case-error" role="alert" data-testid="unlock-problem">
            {error}
          </p>
        )}
      </form>
    </main>
  );
}
