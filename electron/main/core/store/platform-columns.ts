// The platform-owned columns of a flag, derived from one feed record and the route ingest decided
// for it (subject key included): what ingest writes, and what the bench's bare-insert baseline writes too.
import { RISK_RANK } from '../../../../shared/domain';
import type { FeedFlag } from '../../../../shared/feed/flag-schema';
import type { Route } from '../../../../shared/routing/route';
import { subjectKey } from './subject-key';

const candidatesColumn = (candidates: Route['candidates']) =>
  candidates.length === 0 ? null : JSON.stringify(candidates.map((c) => [c.districtKey, c.unitKey, c.basis]));

export function routeColumns(route: Route) {
  return {
    district_key: route.districtKey,
    route_outcome: route.outcome,
    unit_key: route.unitKey,
    route_basis: route.basis,
    route_confidence: route.confidence,
    route_candidates: candidatesColumn(route.candidates),
  };
}

/** The platform-owned columns of a flag, derived from one feed record and its route. */
export function platformColumns(flag: FeedFlag, rawJson: string, route: Route) {
  const { subject, content, location } = flag;
  return {
    revision: flag.revision,
    status: flag.status,
    flagged_at: flag.flagged_at,
    flagged_at_ms: Date.parse(flag.flagged_at),
    platform: flag.platform ?? null,
    category: flag.category ?? null,
    risk: flag.risk,
    risk_rank: RISK_RANK[flag.risk],
    ...routeColumns(route),
    subject_key: subjectKey(flag.platform, subject.account_id),
    subject_json: JSON.stringify(subject),
    content_json: content == null ? null : JSON.stringify(content),
    location_json: location == null ? null : JSON.stringify(location),
    institution: flag.institution ?? null,
    raw_json: rawJson,
  };
}
