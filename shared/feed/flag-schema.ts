// The FLAG record of ../shared/feed-protocol.md (v1), as a zod schema. Unknown fields are kept
// (loose objects) so that a record is stored exactly as it came; logic ignores them.
import { z } from 'zod';
import { RISKS, PLATFORM_STATUSES } from '../domain';

export const EXCERPT_MAX_CHARS = 2000;

/** The rule each field must keep, in the words the quarantine shows to supervisors. */
export const FIELD_RULES: Readonly<Record<string, string>> = {
  '': 'a record must be a JSON object',
  id: 'required, 1–64 characters of A–Z a–z 0–9 _ -',
  revision: 'a whole number ≥ 1 (default 1)',
  status: '"active" or "withdrawn"',
  flagged_at: 'required, ISO-8601 date-time with a UTC offset',
  platform: 'a lowercase word (facebook, instagram, …)',
  category: 'a lowercase word (suicide, self_harm, …)',
  risk: 'required: "imminent", "high" or "elevated"',
  subject: 'required object',
  'subject.account_id': 'required, 1–128 characters',
  'subject.age': 'a whole number 0–130',
  content: 'an object when present',
  'content.posted_at': 'ISO-8601 date-time with a UTC offset',
  location: 'an object when present',
  'location.pincode': 'six digits',
  'location.lat': 'a number from -90 to 90',
  'location.lon': 'a number from -180 to 180',
  'location.source': '"profile", "post", "ip" or "none"',
  'location.accuracy_m': 'a number ≥ 0',
};

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const isoWithOffset = z
  .string()
  .regex(ISO_WITH_OFFSET)
  .refine((s) => Number.isFinite(Date.parse(s)));
const lowercaseWord = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/);
// Optional fields may come as null (many serialisers write null for "absent"): null is absent.
const optionalText = (max: number) => z.string().max(max).nullish();

/** Cut by code points, so a Hindi or emoji excerpt is never split inside a character. */
export function cutExcerpt(text: string): string {
  const points = Array.from(text);
  return points.length <= EXCERPT_MAX_CHARS ? text : points.slice(0, EXCERPT_MAX_CHARS).join('');
}

const subjectSchema = z.looseObject({
  account_id: z.string().min(1).max(128),
  display_name: optionalText(512),
  handle: optionalText(512),
  profile_url: optionalText(2048),
  age: z.int().min(0).max(130).nullish(),
  phone: optionalText(64),
  email: optionalText(512),
});

const contentSchema = z.looseObject({
  excerpt: z.string().transform(cutExcerpt).nullish(),
  language: optionalText(32),
  post_url: optionalText(2048),
  posted_at: isoWithOffset.nullish(),
});

const locationSchema = z.looseObject({
  district: optionalText(128),
  city: optionalText(128),
  pincode: z
    .string()
    .regex(/^\d{6}$/)
    .nullish(),
  lat: z.number().min(-90).max(90).nullish(),
  lon: z.number().min(-180).max(180).nullish(),
  source: z.enum(['profile', 'post', 'ip', 'none']).nullish(),
  accuracy_m: z.number().min(0).nullish(),
});

export const flagSchema = z.looseObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  revision: z.int().min(1).default(1),
  status: z.enum(PLATFORM_STATUSES).default('active'),
  flagged_at: isoWithOffset,
  platform: lowercaseWord.nullish(),
  category: lowercaseWord.nullish(),
  risk: z.enum(RISKS),
  subject: subjectSchema,
  content: contentSchema.nullish(),
  location: locationSchema.nullish(),
  institution: optionalText(512),
});

export type FeedFlag = z.infer<typeof flagSchema>;

export type FlagParseResult =
  { ok: true; flag: FeedFlag } | { ok: false; field: string; rule: string; idHint: string | null };

/**
 * Validates one record. Never throws, whatever the input: every record is either a FeedFlag or a
 * reason (field + rule) for the quarantine.
 */
export function parseFlagRecord(raw: unknown): FlagParseResult {
  const result = flagSchema.safeParse(raw);
  if (result.success) return { ok: true, flag: result.data };
  const issue = result.error.issues[0];
  const field = (issue?.path ?? []).map(String).join('.');
  const rule = FIELD_RULES[field] ?? describeIssue(issue);
  return { ok: false, field: field || '(record)', rule, idHint: idHintOf(raw) };
}

/** For fields without a rule of their own (lengths of free text): the rule zod checked, in words. */
function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'not of the expected type';
  if (issue.code === 'too_big')
    return `at most ${String(issue.maximum)} ${issue.origin === 'string' ? 'characters' : ''}`.trim();
  if (issue.code === 'too_small')
    return `at least ${String(issue.minimum)} ${issue.origin === 'string' ? 'characters' : ''}`.trim();
  if (issue.code === 'invalid_type') return `must be ${issue.expected}`;
  return 'not of the expected type';
}

function idHintOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const id = (raw as Record<string, unknown>).id;
  return typeof id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : null;
}
