// What stands between a desk (or the handover) and its user: the logon screen until someone logs
// on, the lock screen after idling, then the view itself with the idle timer running. Main decides
// the lock (it keeps the idle clock); this page reports input to it and mirrors what it says.
import { useCallback, type ReactNode } from 'react';
import { useApi } from '../../api/api-context';
import { useAccount } from './useAccount';
import { useIdleLock } from './useIdleLock';
import { useSessionMirror } from './useSessionMirror';
import { actions, useWindowState } from '../../window-state/use-window-state';
import { selectSessionInfo } from '../../window-state/session/selectors';
import { selectConnection } from '../../window-state/feed/selectors';
import { LinkLostBanner } from '../room/RoomBanners';
import { GateBar } from './GateBar';
import { LockScreen } from './LockScreen';
import { LogonScreen } from './LogonScreen';

export function AccountGate({ children }: { children: ReactNode }) {
  const api = useApi();
  const info = useWindowState(selectSessionInfo);
  const connection = useWindowState(selectConnection);
  const account = useAccount(api, actions);
  const loggedOn = info?.user != null && !info.locked;
  const lock = useCallback(() => void account.run('lockDesk', {}), [account]);
  const reportActivity = useSessionMirror(api, actions, loggedOn);
  useIdleLock(loggedOn, info?.idleLockMs ?? 15 * 60_000, lock, reportActivity);
  // The first getSession has not answered yet. A desk that will never be answered (revoked, or the
  // link down since the page loaded) says why rather than showing nothing.
  if (!info) return <LinkLostBanner connection={connection} variant="desk" />;
  if (!info.user)
    return (
      <>
        <GateBar locked={false} />
        <LogonScreen
          firstRun={!info.accountsExist}
          pending={account.pending !== null}
          error={account.error}
          onLogon={(name, password) => void account.run('logon', { name, password, bannerAccepted: true })}
          onCreate={(name, password) =>
            void account.run('createFirstAdministrator', { name, password, bannerAccepted: true })
          }
        />
      </>
    );
  if (info.locked)
    return (
      <>
        <GateBar locked />
        <LockScreen
          user={info.user}
          idleMinutes={Math.round(info.idleLockMs / 60_000)}
          pending={account.pending !== null}
          error={account.error}
          onUnlock={(password) => void account.run('unlockDesk', { password })}
          onLogoff={() => void account.run('logoff', {})}
        />
      </>
    );
  return <>{children}</>;
}
