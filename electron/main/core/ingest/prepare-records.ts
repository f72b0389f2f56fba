// Splits a page's (or an import file's) records into valid flags and quarantined ones, and decides
// each valid flag's route. Shared by the poller and the file import, so both apply the same
// validation, the same quarantine and the same routing; the store only writes the route it is given.
import { parseFlagRecord } from '../../../../shared/feed/flag-schema';
import { routeLocation, type RoutingData } from '../../../../shared/routing/route';
import { routingData } from '../routing/routing-data';
import { currentUnitRegistry } from '../units/unit-registry';
import type { QuarantineInput, ValidFlagInput } from '../store/store';

export interface PreparedRecords {
  flags: ValidFlagInput[];
  quarantined: QuarantineInput[];
}

export function prepareRecords(records: readonly unknown[]): PreparedRecords {
  const prepared: PreparedRecords = { flags: [], quarantined: [] };
  const data = { ...routingData, registry: currentUnitRegistry().registry };
  for (const record of records)
    addRecord(prepared, record, () => JSON.stringify(record) ?? String(record), data);
  return prepared;
}

/** Routed with the unit registry in force (core/units/unit-registry.ts) unless given the data. */
export function addRecord(
  prepared: PreparedRecords,
  record: unknown,
  rawText: () => string,
  data: RoutingData = { ...routingData, registry: currentUnitRegistry().registry },
): void {
  const result = parseFlagRecord(record);
  if (result.ok)
    prepared.flags.push({
      flag: result.flag,
      rawJson: JSON.stringify(record),
      route: routeLocation(result.flag.location, data),
    });
  else
    prepared.quarantined.push({
      field: result.field,
      rule: result.rule,
      rawText: rawText(),
      idHint: result.idHint,
    });
}
