// Wires the desk's AlarmBar: the window state's alarm, the operator on the desk, the test and the silence.
import { useCallback, useState } from 'react';
import type { AlarmPlayer } from './alarm-player';
import type { ConsoleApi } from '../../api/connection';
import type { AlarmBarProps } from './AlarmBar';
import { activeSilence, selectAlarm, selectSound } from '../../window-state/alarm/selectors';
import { actions, windowState, useWindowState } from '../../window-state/use-window-state';
import { selectOperatorName, selectOperatorValid } from '../../window-state/session/selectors';
import { useAlarmTest } from './useAlarmTest';
import { useSilence } from './useSilence';

export function useAlarmBar(api: ConsoleApi, player: AlarmPlayer, nowMs: number): AlarmBarProps {
  const alarm = useWindowState(selectAlarm);
  const operatorValid = useWindowState(selectOperatorValid);
  const [needsOperator, setNeedsOperator] = useState(false);
  const silence = useSilence(api, actions);

  // Read at the moment of the test, with the context state straight from the player (a resume has
  // just happened and its statechange event may not have reached the window state yet).
  const readSpeakers = useCallback(() => {
    const state = windowState.getState();
    const alarmNow = { ...state.alarm, context: player.status().context };
    return { sound: selectSound({ alarm: alarmNow }), audioOutputs: state.alarm.audioOutputs };
  }, [player]);
  const test = useAlarmTest(api, player, readSpeakers);

  /** Every alarm action is logged under a name: without one, go to the name field. */
  const withOperator = (act: (operator: string) => void) => () => {
    const state = windowState.getState();
    if (selectOperatorValid(state)) {
      setNeedsOperator(false);
      act(selectOperatorName(state));
    } else {
      setNeedsOperator(true);
    }
  };

  return {
    nowMs,
    operatorValid,
    test: {
      running: test.running,
      outcome: test.outcome,
      recordError: test.recordError,
      needsOperator,
      askHeard: test.askHeard,
      heardError: test.heardError,
    },
    silence: {
      active: activeSilence(alarm.silence, nowMs),
      imminentSounds: alarm.sound.flag === 'imminent',
      formOpen: silence.formOpen,
      pending: silence.pending,
      error: silence.error,
    },
    onTest: withOperator(test.run),
    onHeard: test.answerHeard,
    onOpenSilence: silence.openForm,
    onSilence: (reason, minutes) =>
      silence.silence(selectOperatorName(windowState.getState()), reason, minutes),
    onCancelSilence: withOperator(silence.cancel),
  };
}
