// The desktop app's enrolment screen (`lifeline-console --enrol`): the core's address, then the
// fingerprint of the certificate the core presents, shown in pairs for a person to compare with
// the one printed at the core, then the one-time code. Main does the work (electron/main/shell/
// enrol-screen.ts) through window.lifelineEnrol; this screen never sees the credential.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolBridge, EnrolError } from '../../../shared/room/enrol-contract';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import type { Language } from '../../window-state/session/initial-state';
import '../accounts/accounts.css';
import './enrol.css';

interface Props {
  bridge: EnrolBridge | undefined;
  language: Language;
  onLanguage(language: Language): void;
}

export function EnrolView({ bridge, language, onLanguage }: Props) {
  const { t } = useTranslation();
  const [address, setAddress] = useState('');
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  const [matches, setMatches] = useState(false);
  const [code, setCode] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<EnrolError | null>(null);
  const [device, setDevice] = useState<{ name: string; kind: 'desk' | 'wall'; units?: string[] } | null>(
    null,
  );

  const call = async (run: (bridge: EnrolBridge) => Promise<void>) => {
    setPending(true);
    setError(null);
    try {
      if (!bridge) throw new Error('no bridge');
      await run(bridge);
    } catch {
      setError('failed');
    } finally {
      setPending(false);
    }
  };

  const check = (e: FormEvent) => {
    e.preventDefault();
    setFingerprint(null);
    setMatches(false);
    void call(async (b) => {
      const result = await b.enrol({ step: 'probe', address });
      if (!result.ok) setError(result.error);
      else if (result.step === 'probe') setFingerprint(result.fingerprint);
    });
  };

  const enrol = (e: FormEvent) => {
    e.preventDefault();
    if (!fingerprint) return;
    void call(async (b) => {
      const result = await b.enrol({ step: 'enrol', address, fingerprint, code });
      if (!result.ok) setError(result.error);
      else if (result.step === 'enrol') setDevice(result.device);
    });
  };

  // Pairs of hex digits in rows of eight, so a person can keep their place while comparing.
  const rows = fingerprint ? (fingerprint.match(/(?:[0-9A-F]{2}:?){1,8}/g) ?? []) : [];

  return (
    <main className="logon enrol" data-testid="enrol-view">
      <LanguageSwitch language={language} onChange={onLanguage} />
      <section className="logon-banner">
        <h1>{t('enrol.title')}</h1>
        <p>{t('enrol.intro')}</p>
      </section>
      {device ? (
        <div className="logon-form" data-testid="enrol-done">
          <p role="status">
            {t('enrol.enrolled', { name: device.name, kind: t(`enrol.kind_${device.kind}`) })}
          </p>
          {device.units ? (
            <p data-testid="enrol-units">{t('enrol.enrolled_units', { units: device.units.join(', ') })}</p>
          ) : null}
          <button type="button" onClick={() => void call((b) => b.enrol({ step: 'start' }).then(() => {}))}>
            {t('enrol.start', { name: device.name })}
          </button>
        </div>
      ) : (
        <>
          <form className="logon-form" onSubmit={check}>
            <label>
              <span>{t('enrol.address')}</span>
              <input
                type="text"
                value={address}
                maxLength={200}
                placeholder="https://10.20.0.5:8443"
                spellCheck={false}
                onChange={(e) => {
                  setAddress(e.target.value);
                  setFingerprint(null);
                  setMatches(false);
                }}
                data-testid="enrol-address"
              />
              <small className="logon-hint">{t('enrol.addressHint')}</small>
            </label>
            <button type="submit" disabled={pending || address.trim() === ''} data-testid="enrol-check">
              {pending && !fingerprint ? t('enrol.busy') : t('enrol.check')}
            </button>
          </form>
          {fingerprint && (
            <form className="logon-form" onSubmit={enrol}>
              <h2>{t('enrol.fingerprint')}</h2>
              <pre
                className="enrol-fingerprint"
                lang="en"
                data-testid="enrol-fingerprint"
                data-value={fingerprint}
              >
                {rows.map((row) => row.replace(/:$/, '').replaceAll(':', ' ')).join('\n')}
              </pre>
              <p className="logon-hint">{t('enrol.compare')}</p>
              <label className="logon-accept">
                <input
                  type="checkbox"
                  checked={matches}
                  onChange={(e) => setMatches(e.target.checked)}
                  data-testid="enrol-matches"
                />
                <span>{t('enrol.matches')}</span>
              </label>
              <label>
                <span>{t('enrol.code')}</span>
                <input
                  type="text"
                  value={code}
                  maxLength={20}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(e) => setCode(e.target.value)}
                  data-testid="enrol-code"
                />
                <small className="logon-hint">{t('enrol.codeHint')}</small>
              </label>
              <button
                type="submit"
                disabled={pending || !matches || code.trim() === ''}
                data-testid="enrol-send"
              >
                {pending ? t('enrol.busy') : t('enrol.send')}
              </button>
            </form>
          )}
        </>
      )}
      {error && (
        <p className="case-error" role="alert" data-testid="enrol-problem" data-error={error}>
          {t(`enrol.errors.${error}`)}
        </p>
      )}
    </main>
  );
}
