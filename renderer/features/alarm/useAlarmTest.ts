// The desk's "Test alarm": every flag tone for about a second, then the feed tone, through the same
// player as the real alarm; the outcome is recorded by main in the alarm log.
import { useCallback, useState } from 'react';
import { TEST_SEQUENCE } from './alarm-patterns';
import type { AlarmPlayer } from './alarm-player';
import type { ConsoleApi } from '../../api/connection';
import type { SoundStatus } from '../../window-state/alarm/initial-state';
import { testOutcome, type TestOutcome } from './alarm-test-outcome';
import { failureText } from '../../i18n/failure-text';

export type { TestOutcome } from './alarm-test-outcome';
export const TEST_STEP_MS = 1000;

export interface AlarmTestState {
  running: boolean;
  outcome: TestOutcome | null;
  /** Why main did not record the test, if it did not. */
  recordError: string | null;
  /** The test played: ask the operator whether it was heard (the browser cannot know). */
  askHeard: boolean;
  /** Why main did not record the heard / not-heard answer, if it did not. */
  heardError: string | null;
  run(operator: string): void;
  answerHeard(heard: boolean): void;
}

export function useAlarmTest(
  api: ConsoleApi,
  player: AlarmPlayer,
  readSpeakers: () => { sound: SoundStatus; audioOutputs: number | null },
): AlarmTestState {
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<TestOutcome | null>(null);
  const [recordError, setRecordError] = useState<string | null>(null);
  const [askHeard, setAskHeard] = useState(false);
  const [heardError, setHeardError] = useState<string | null>(null);

  const run = useCallback(
    (operator: string) => {
      setRunning(true);
      setOutcome(null);
      setRecordError(null);
      setAskHeard(false);
      setHeardError(null);
      void (async () => {
        // The click is a user gesture: the one moment a blocked context can always be resumed.
        await player.resume().catch(() => undefined);
        const before = testOutcome(readSpeakers().sound);
        if (before !== 'blocked') await player.playTest(TEST_SEQUENCE, TEST_STEP_MS);
        const speakers = readSpeakers();
        const result = before === 'blocked' ? before : testOutcome(speakers.sound);
        setOutcome(result);
        setAskHeard(result === 'played');
        setRunning(false);
        await api
          .invoke('recordAlarmTest', {
            operator: operator.trim(),
            outcome: result,
            audioOutputs: Math.min(64, speakers.audioOutputs ?? 0),
          })
          .catch((failure: unknown) => setRecordError(failureText(failure)));
      })();
    },
    [api, player, readSpeakers],
  );

  const answerHeard = useCallback(
    (heard: boolean) => {
      setHeardError(null);
      api
        .invoke('confirmAlarmHeard', { heard })
        .then(() => {
          // Answered: the question ("Did you hear all five?") goes; the header says the result.
          setAskHeard(false);
          setOutcome(null);
        })
        .catch((failure: unknown) =>
          setHeardError(failure instanceof Error ? failure.message : String(failure)),
        );
    },
    [api],
  );

  return { running, outcome, recordError, askHeard, heardError, run, answerHeard };
}
