// Per-unit figures (shared/unit-report.ts) for the same range as the report: which districts
// respond slowly. Asked for separately (getUnitReport), so the room's report is unchanged.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitReport } from '../../../shared/unit-report';
import { useApi } from '../../api/api-context';
import type { Language } from '../../window-state/session/initial-state';
import { unitName } from '../units/UnitTag';
import { FigureTable } from './FigureTable';
import { minutes } from './ResponseTable';

export function UnitFiguresTable({
  fromMs,
  toMs,
  language,
}: {
  fromMs: number;
  toMs: number;
  language: Language;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [report, setReport] = useState<UnitReport | null>(null);
  useEffect(() => {
    let current = true;
    api.invoke('getUnitReport', { fromMs, toMs }).then(
      (answer) => current && setReport(answer),
      () => current && setReport(null),
    );
    return () => {
      current = false;
    };
  }, [api, fromMs, toMs]);
  if (!report || report.units.length === 0) return null;
  const tr = t as unknown as (key: string, values: Record<string, string>) => string;
  const stage = (s: UnitReport['units'][number]['receipt']) =>
    `${minutes(tr, s.medianMs)} / ${minutes(tr, s.targetMs)} (${s.breached})`;
  return (
    <FigureTable
      caption={t('reportsUnits.caption')}
      testId="unit-figures"
      columns={[
        t('reportsUnits.unit'),
        t('reportsUnits.dispatches'),
        t('reportsUnits.receipt'),
        t('reportsUnits.contact'),
        t('reportsUnits.outcome'),
        t('reportsUnits.handBacks'),
        t('reportsUnits.telephone'),
      ]}
      rows={report.units.map((u) => [
        unitName(u.unitKey, language),
        u.dispatches,
        stage(u.receipt),
        stage(u.contact),
        stage(u.outcome),
        u.handBacks,
        u.viaTelephone,
      ])}
    />
  );
}
