// The page mirrors main's session: main locks an idle desk by itself (it keeps each session's idle
// clock), so while a user is logged on the page re-reads the session every MIRROR_MS and shows the
// lock screen as soon as main says locked — also when a timer in a hidden tab never fired. It also
// carries the page's reports of real input to main (reportActivity); one refused means main holds
// the desk locked or logged off, so the session is read again at once. getSession is a plain read:
// it does not count as activity, so this polling never keeps a desk open.
import { useCallback, useEffect } from 'react';
import { IDLE_MIRROR } from '../../../shared/accounts';
import type { ConsoleApi } from '../../api/connection';
import type { WindowActions } from '../../window-state/window-state';

const MIRROR_MS = IDLE_MIRROR.rereadEveryMs;

export function useSessionMirror(api: ConsoleApi, actions: WindowActions, loggedOn: boolean): () => void {
  const reread = useCallback(() => {
    api.invoke('getSession', {}).then(
      (info) => actions.session.setInfo(info),
      () => {}, // the connection is down: useContractSync re-reads everything on reconnect
    );
  }, [api, actions]);
  useEffect(() => {
    if (!loggedOn) return;
    const timer = setInterval(reread, MIRROR_MS);
    return () => clearInterval(timer);
  }, [loggedOn, reread]);
  return useCallback(() => {
    api.invoke('reportActivity', {}).catch(reread);
  }, [api, reread]);
}
