import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/accounts';

/** Who is logged on at this desk, their role, and the way out. */
export function UserBadge({ user, onLogoff }: { user: SessionUser; onLogoff(): void }) {
  const { t } = useTranslation();
  return (
    <div className="user-badge" data-testid="user-badge" data-role={user.role}>
      <span className="user-name" data-testid="user-name">
        {user.name}
      </span>
      <span className="user-role">{t(`accounts.roles.${user.role}`)}</span>
      <button type="button" onClick={onLogoff} data-testid="logoff">
        {t('accounts.logoff')}
      </button>
    </div>
  );
}
