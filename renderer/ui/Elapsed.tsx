import { useTranslation } from 'react-i18next';
import { formatElapsed } from './format/elapsed';

export function Elapsed({ ms }: { ms: number }) {
  const { t } = useTranslation();
  return <>{formatElapsed(t, ms)}</>;
}
