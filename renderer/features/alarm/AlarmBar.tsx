import { useTranslation } from 'react-i18next';
import type { AlarmState } from '../../../shared/domain';
import type { TestOutcome } from './useAlarmTest';
import type { SilenceError } from './useSilence';
import { SilenceForm } from './SilenceForm';
import { SilenceStatus } from './SilenceStatus';

export interface AlarmBarProps {
  nowMs: number;
  operatorValid: boolean;
  test: {
    running: boolean;
    outcome: TestOutcome | null;
    recordError: string | null;
    needsOperator: boolean;
    /** The test played: the operator says whether it was heard. */
    askHeard: boolean;
    heardError: string | null;
  };
  silence: {
    active: AlarmState['silence'];
    imminentSounds: boolean;
    formOpen: boolean;
    pending: boolean;
    error: SilenceError | null;
  };
  onTest(): void;
  onHeard(heard: boolean): void;
  onOpenSilence(open: boolean): void;
  onSilence(reason: string, minutes: number): void;
  onCancelSilence(): void;
}

function testSeverity(test: AlarmBarProps['test']): string {
  if (test.running) return '';
  if (test.needsOperator) return ' sev--warning';
  return test.outcome && test.outcome !== 'played' ? ' sev--alarm' : '';
}

/** The desk's hands on the alarm: test it, silence it (with a reason), see and end a silence. */
export function AlarmBar({ nowMs, operatorValid, test, silence, ...on }: AlarmBarProps) {
  const { t } = useTranslation();
  const testText = test.running
    ? t('alarmTest.running')
    : test.needsOperator
      ? t('alarmTest.needsOperator')
      : test.outcome
        ? t(`alarmTest.${test.outcome}`)
        : null;
  const errorText =
    silence.error &&
    (silence.error.kind === 'conflict'
      ? t('silence.conflict') // main's message says the same in developer words: once is enough
      : t('silence.failed', { message: silence.error.message })); // already in the desk's language
  return (
    <div className="alarm-bar">
      <div className="alarm-bar-row">
        <button
          type="button"
          className="test-alarm"
          data-testid="test-alarm"
          disabled={test.running}
          onClick={on.onTest}
        >
          {t('alarmTest.button')}
        </button>
        <button
          type="button"
          className="silence-open"
          data-testid="silence-open"
          aria-expanded={silence.formOpen}
          onClick={() => on.onOpenSilence(!silence.formOpen)}
        >
          {t('silence.open')}
        </button>
        {testText && (
          <span
            className={`test-result${testSeverity(test)}`}
            data-testid="test-alarm-result"
            data-outcome={test.outcome ?? undefined}
            role="status"
          >
            {testText}
            {test.recordError && ` ${t('alarmTest.notRecorded', { message: test.recordError })}`}
          </span>
        )}
        {test.askHeard && !test.running && (
          <span
            className="test-heard"
            role="group"
            aria-label={t('soundCheck.question')}
            data-testid="test-heard"
          >
            <button type="button" data-testid="test-heard-yes" onClick={() => on.onHeard(true)}>
              {t('soundCheck.heard')}
            </button>
            <button type="button" data-testid="test-heard-no" onClick={() => on.onHeard(false)}>
              {t('soundCheck.notHeard')}
            </button>
          </span>
        )}
        {test.heardError && (
          <span className="test-result sev--warning" role="status" data-testid="test-heard-error">
            {t('soundCheck.notRecorded', { message: test.heardError })}
          </span>
        )}
      </div>
      {silence.active && (
        <SilenceStatus
          silence={silence.active}
          nowMs={nowMs}
          imminentSounds={silence.imminentSounds}
          canCancel={operatorValid}
          pending={silence.pending}
          onCancel={on.onCancelSilence}
        />
      )}
      {silence.formOpen && (
        <SilenceForm
          operatorValid={operatorValid}
          pending={silence.pending}
          onSubmit={on.onSilence}
          onClose={() => on.onOpenSilence(false)}
        />
      )}
      {errorText && (
        <p className="silence-error" role="alert" data-testid="silence-error">
          {errorText}
        </p>
      )}
    </div>
  );
}
