import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../../api/connection';

export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  const severity = state === 'connected' ? 'normal' : state === 'reconnecting' ? 'alarm' : 'warning';
  return (
    <span
      className={`connection sev--${severity}`}
      data-testid="connection-state"
      data-state={state}
      role="status"
    >
      {state === 'reconnecting' ? t('room.notConnectedBadge') : t(`connection.${state}`)}
    </span>
  );
}
