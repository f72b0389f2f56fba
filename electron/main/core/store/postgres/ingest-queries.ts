// Ingest on PostgreSQL: one page, its quarantined records and its cursor in ONE transaction, all or
// nothing; idempotent per (id, revision). The same decisions as SQLite's sqlite-store.ts (the rules
// are shared/'s); personal fields and raw text are sealed before they are sent.
import crypto from 'node:crypto';
import { revisionRaisesRisk } from '../../../../../shared/acknowledgement';
import type { CommitPageInput, CommitPageResult, ValidFlagInput } from '../store';
import { platformColumns } from '../platform-columns';
import { QUEUE_COLUMNS, toQueueItem, type FlagRow } from '../flag-row';
import { appendFlagEvent, appendFlagEvents, flagRowOrNull } from './pg-flag-rows';
import type { Tx } from './pg-db';

const QUARANTINE_RAW_MAX_CHARS = 64 * 1024;

export const personalAad = (column: string, id: string) => `flag_personal.${column}|${id}`;

/** The personal row of a flag, sealed: what ingest writes (and the bench's bare insert writes too). */
export function sealedPersonal(tx: Tx, id: string, c: ReturnType<typeof platformColumns>) {
  const f = tx.crypto;
  return [
    id,
    f.seal(c.subject_json, personalAad('subject_json', id)),
    f.seal(c.content_json, personalAad('content_json', id)),
    f.seal(c.location_json, personalAad('location_json', id)),
    f.seal(c.institution, personalAad('institution', id)),
    f.seal(c.raw_json, personalAad('raw_json', id)),
  ];
}

const UPSERT_PERSONAL = `INSERT INTO flag_personal (flag_id, subject_sealed, content_sealed, location_sealed,
    institution_sealed, raw_sealed) VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT (flag_id) DO UPDATE SET subject_sealed = excluded.subject_sealed, content_sealed = excluded.content_sealed,
    location_sealed = excluded.location_sealed, institution_sealed = excluded.institution_sealed, raw_sealed = excluded.raw_sealed`;

export const INSERT_FLAG = `INSERT INTO flags (id, revision, status, flagged_at, flagged_at_ms, platform, category, risk,
    risk_rank, district_key, route_outcome, unit_key, route_basis, route_confidence, route_candidates, subject_key,
    training, source, received_at_ms, updated_at_ms)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $19)`;

/** The platform columns of a record, with the subject key made keyed (field-crypto.ts). */
export function columnsOf(tx: Tx, record: ValidFlagInput) {
  const c = platformColumns(record.flag, record.rawJson, record.route);
  return { ...c, subject_key: tx.crypto.subjectKey(record.flag.platform, record.flag.subject.account_id) };
}

export function flagInsertParams(
  id: string,
  c: ReturnType<typeof columnsOf>,
  training: boolean,
  source: string,
  receivedAtMs: number,
) {
  return [
    id,
    c.revision,
    c.status,
    c.flagged_at,
    c.flagged_at_ms,
    c.platform,
    c.category,
    c.risk,
    c.risk_rank,
    c.district_key,
    c.route_outcome,
    c.unit_key,
    c.route_basis,
    c.route_confidence,
    c.route_candidates,
    c.subject_key,
    training ? 1 : 0,
    source,
    receivedAtMs,
  ];
}

export async function commitPage(tx: Tx, input: CommitPageInput): Promise<CommitPageResult> {
  const result: CommitPageResult = {
    inserted: 0,
    revised: 0,
    duplicates: 0,
    stale: 0,
    quarantined: 0,
    changed: [],
    insertedIds: [],
  };
  const changedIds = new Set<string>();
  const ids = input.flags.map((r) => r.flag.id);
  // The common page (every id once): new flags in a few statements for the whole page, revisions
  // one by one. A page naming an id twice goes record by record, so each sees the one before.
  const outcomes =
    new Set(ids).size === ids.length ? await ingestPage(tx, input) : await ingestEach(tx, input);
  for (const [i, outcome] of outcomes.entries()) {
    const id = input.flags[i]!.flag.id;
    result[outcome]++;
    if (outcome === 'inserted') result.insertedIds.push(id);
    if (outcome === 'inserted' || outcome === 'revised') changedIds.add(id);
  }
  for (const q of input.quarantined) {
    const rawText =
      q.rawText.length > QUARANTINE_RAW_MAX_CHARS ? q.rawText.slice(0, QUARANTINE_RAW_MAX_CHARS) : q.rawText;
    // Keyed: a plain SHA-256 of a short record could be confirmed by guessing it.
    const sha = crypto.createHmac('sha256', tx.crypto.subjectHmacKey).update(q.rawText).digest('hex');
    const added = await tx.run(
      `INSERT INTO quarantine (received_at_ms, source, field, rule, raw_sha256, raw_sealed, id_hint)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (raw_sha256) DO NOTHING`,
      [
        input.receivedAtMs,
        input.source,
        q.field,
        q.rule,
        sha,
        tx.crypto.seal(rawText, `quarantine.raw_text|${sha}`),
        q.idHint,
      ],
    );
    if (added) result.quarantined++;
    else result.duplicates++;
  }
  if (input.nextCursor !== null) {
    await tx.run(
      `INSERT INTO feed_cursors (feed_key, cursor, committed_at_ms) VALUES ($1, $2, $3)
       ON CONFLICT (feed_key) DO UPDATE SET cursor = excluded.cursor, committed_at_ms = excluded.committed_at_ms`,
      [input.feedKey, input.nextCursor, input.receivedAtMs],
    );
  }
  if (changedIds.size > 0) {
    const rows = await tx.query<FlagRow & Record<string, unknown>>(
      `SELECT ${QUEUE_COLUMNS} FROM flags WHERE id = ANY($1)`,
      [[...changedIds]],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of changedIds) result.changed.push(toQueueItem(byId.get(id)!));
  }
  return result;
}

type Outcome = 'inserted' | 'revised' | 'duplicates' | 'stale';

async function ingestEach(tx: Tx, input: CommitPageInput): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const record of input.flags) outcomes.push(await ingestOne(tx, record, input));
  return outcomes;
}

/** A page whose ids are distinct: the stored rows read (and locked) at once, new flags written at once. */
async function ingestPage(tx: Tx, input: CommitPageInput): Promise<Outcome[]> {
  if (input.flags.length === 0) return [];
  const existing = new Map(
    (
      await tx.query<FlagRow & Record<string, unknown>>(
        `SELECT ${QUEUE_COLUMNS} FROM flags WHERE id = ANY($1) ORDER BY id COLLATE "C" FOR UPDATE`,
        [input.flags.map((r) => r.flag.id)],
      )
    ).map((r) => [r.id, r]),
  );
  const outcomes: (Outcome | null)[] = [];
  const fresh: { index: number; record: ValidFlagInput; c: ReturnType<typeof columnsOf> }[] = [];
  for (const [index, record] of input.flags.entries()) {
    if (existing.has(record.flag.id)) {
      outcomes.push(await ingestOne(tx, record, input, existing.get(record.flag.id)!));
      continue;
    }
    outcomes.push(null);
    fresh.push({ index, record, c: columnsOf(tx, record) });
  }
  if (fresh.length === 0) return outcomes as Outcome[];
  // In id order, as the rows were locked above: two cores inserting overlapping pages wait for each
  // other in one order and never deadlock.
  fresh.sort((a, b) =>
    a.record.flag.id < b.record.flag.id ? -1 : a.record.flag.id > b.record.flag.id ? 1 : 0,
  );
  const params = fresh.map((f) =>
    flagInsertParams(f.record.flag.id, f.c, input.training, input.source, input.receivedAtMs),
  );
  const column = (i: number) => params.map((p) => p[i]);
  // A concurrent insert of the same id (another core) is not returned: a duplicate here.
  const inserted = new Set(
    (
      await tx.query<{ id: string }>(
        `INSERT INTO flags (id, revision, status, flagged_at, flagged_at_ms, platform, category, risk,
           risk_rank, district_key, route_outcome, unit_key, route_basis, route_confidence, route_candidates, subject_key,
           training, source, received_at_ms, updated_at_ms)
         SELECT *, received_at_ms FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::bigint[], $6::text[],
           $7::text[], $8::text[], $9::int[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[],
           $15::text[], $16::text[], $17::smallint[], $18::text[], $19::bigint[])
           AS r(id, revision, status, flagged_at, flagged_at_ms, platform, category, risk, risk_rank, district_key,
             route_outcome, unit_key, route_basis, route_confidence, route_candidates, subject_key, training, source,
             received_at_ms)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        Array.from({ length: 19 }, (_, i) => column(i)),
      )
    ).map((r) => r.id),
  );
  const stored = fresh.filter((f) => inserted.has(f.record.flag.id));
  for (const f of fresh) outcomes[f.index] = inserted.has(f.record.flag.id) ? 'inserted' : 'duplicates';
  if (stored.length === 0) return outcomes as Outcome[];
  await tx.run(
    `INSERT INTO flag_revisions (flag_id, revision, received_at_ms, applied)
     SELECT id, revision, $3, 1 FROM unnest($1::text[], $2::int[]) AS r(id, revision) ON CONFLICT DO NOTHING`,
    [stored.map((f) => f.record.flag.id), stored.map((f) => f.record.flag.revision), input.receivedAtMs],
  );
  const personal = stored.map((f) => sealedPersonal(tx, f.record.flag.id, f.c));
  await tx.run(
    `INSERT INTO flag_personal (flag_id, subject_sealed, content_sealed, location_sealed, institution_sealed, raw_sealed)
     SELECT * FROM unnest($1::text[], $2::bytea[], $3::bytea[], $4::bytea[], $5::bytea[], $6::bytea[])`,
    Array.from({ length: 6 }, (_, i) => personal.map((p) => p[i])),
  );
  await appendFlagEvents(
    tx,
    stored.map(({ record: { flag } }) => ({
      id: flag.id,
      atMs: input.receivedAtMs,
      kind: 'received',
      actor: input.actor ?? null,
      detail: { revision: flag.revision, risk: flag.risk, status: flag.status },
    })),
  );
  return outcomes as Outcome[];
}

async function ingestOne(
  tx: Tx,
  record: ValidFlagInput,
  input: CommitPageInput,
  known?: FlagRow,
): Promise<Outcome> {
  const { flag } = record;
  // Locked: two cores ingesting the same record at once take turns and the second sees a duplicate.
  const existing = known ?? (await flagRowOrNull(tx, flag.id, true));
  if (existing) {
    if (existing.revision === flag.revision) return 'duplicates';
    const seen = await tx.one('SELECT 1 FROM flag_revisions WHERE flag_id = $1 AND revision = $2', [
      flag.id,
      flag.revision,
    ]);
    if (seen) return 'duplicates';
  }
  const c = columnsOf(tx, record);
  const event = (kind: string, detail: Record<string, unknown>) =>
    appendFlagEvent(tx, flag.id, input.receivedAtMs, kind, input.actor ?? null, detail);
  const revision = (applied: 0 | 1) =>
    tx.run(
      'INSERT INTO flag_revisions (flag_id, revision, received_at_ms, applied) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      [flag.id, flag.revision, input.receivedAtMs, applied],
    );

  if (!existing) {
    // A concurrent insert of the same id (another core) loses here and counts as a duplicate.
    const inserted = await tx.run(`${INSERT_FLAG} ON CONFLICT (id) DO NOTHING`, [
      ...flagInsertParams(flag.id, c, input.training, input.source, input.receivedAtMs),
    ]);
    if (inserted === 0) return 'duplicates';
    await revision(1);
    await tx.run(UPSERT_PERSONAL, sealedPersonal(tx, flag.id, c));
    await event('received', { revision: flag.revision, risk: flag.risk, status: flag.status });
    return 'inserted';
  }
  if (flag.revision < existing.revision) {
    await revision(0);
    return 'stale';
  }
  await revision(1);
  const raised = revisionRaisesRisk(existing, flag.risk);
  await tx.run(
    `UPDATE flags SET revision = $2, status = $3, personal_erased_at_ms = NULL, flagged_at = $4, flagged_at_ms = $5,
       platform = $6, category = $7, risk = $8, risk_rank = $9, district_key = $10, route_outcome = $11,
       unit_key = $12, route_basis = $13, route_confidence = $14, route_candidates = $15, subject_key = $16,
       updated_at_ms = $17, risk_raised_at_ms = $18
     WHERE id = $1`,
    [
      flag.id,
      c.revision,
      c.status,
      c.flagged_at,
      c.flagged_at_ms,
      c.platform,
      c.category,
      c.risk,
      c.risk_rank,
      c.district_key,
      c.route_outcome,
      c.unit_key,
      c.route_basis,
      c.route_confidence,
      c.route_candidates,
      c.subject_key,
      input.receivedAtMs,
      raised ? input.receivedAtMs : existing.risk_raised_at_ms,
    ],
  );
  await tx.run(UPSERT_PERSONAL, sealedPersonal(tx, flag.id, c));
  await event('revised', {
    from: existing.revision,
    to: flag.revision,
    risk: flag.risk,
    status: flag.status,
  });
  if (existing.status !== 'withdrawn' && flag.status === 'withdrawn')
    await event('withdrawn', { revision: flag.revision });
  return 'revised';
}
