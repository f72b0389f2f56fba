// The system-use notice and the logon form (or, on first run, the administrator's creation). The
// notice is accepted on the form itself every time, and main checks that it was.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { accountNameSchema, passwordSchema } from '../../../shared/accounts';
import { zodFailureText } from '../../i18n/failure-text';

interface Props {
  firstRun: boolean;
  pending: boolean;
  error: string | null;
  onLogon(name: string, password: string): void;
  onCreate(name: string, password: string): void;
}

export function LogonScreen({ firstRun, pending, error, onLogon, onCreate }: Props) {
  const { t } = useTranslation();
  const [accepted, setAccepted] = useState(false);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsedName = accountNameSchema.safeParse(name);
    if (!parsedName.success) return setProblem(zodFailureText(parsedName.error));
    if (firstRun) {
      const parsedPassword = passwordSchema.safeParse(password);
      if (!parsedPassword.success) return setProblem(zodFailureText(parsedPassword.error));
      if (password !== confirm) return setProblem(t('accounts.mismatch'));
    }
    setProblem(null);
    setPassword('');
    setConfirm('');
    if (firstRun) onCreate(parsedName.data, password);
    else onLogon(parsedName.data, password);
  };
  return (
    <main className="logon" data-testid="logon-screen" data-first-run={firstRun ? 'true' : 'false'}>
      <section className="logon-banner" aria-labelledby="banner-title">
        <h1 id="banner-title">{t('accounts.bannerTitle')}</h1>
        <p data-testid="logon-banner">{t('accounts.banner')}</p>
      </section>
      <form className="logon-form" onSubmit={submit}>
        {firstRun && (
          <>
            <h2>{t('accounts.firstRunTitle')}</h2>
            <p className="logon-hint">{t('accounts.firstRunHint')}</p>
          </>
        )}
        <label className="logon-accept">
          <input
            type="checkbox"
            checked={accepted}
            onChange={(e) => setAccepted(e.target.checked)}
            data-testid="logon-accept"
          />
          <span>{t('accounts.accept')}</span>
        </label>
        <label>
          <span>{t('accounts.name')}</span>
          <input
            value={name}
            maxLength={64}
            autoComplete="username"
            onChange={(e) => setName(e.target.value)}
            data-testid="logon-name"
          />
        </label>
        <label>
          <span>{t('accounts.password')}</span>
          <input
            type="password"
            value={password}
            maxLength={200}
            autoComplete={firstRun ? 'new-password' : 'current-password'}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="logon-password"
          />
        </label>
        {firstRun && (
          <label>
            <span>{t('accounts.confirm')}</span>
            <input
              type="password"
              value={confirm}
              maxLength={200}
              autoComplete="new-password"
              onChange={(e) => setConfirm(e.target.value)}
              data-testid="logon-confirm"
            />
          </label>
        )}
        <button type="submit" disabled={!accepted || pending} data-testid="logon-send">
          {pending ? t('accounts.loggingOn') : firstRun ? t('accounts.create') : t('accounts.logon')}
        </button>
        {(problem ?? error) && (
          <p className="case-error" role="alert" data-testid="logon-problem">
            {problem ?? error}
          </p>
        )}
      </form>
    </main>
  );
}
