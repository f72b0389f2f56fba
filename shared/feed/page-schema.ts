// The top level of a feed page. A page that is not this object is rejected whole (and retried);
// the records inside are validated one by one by flag-schema.ts.
import { z } from 'zod';

export const MAX_PAGE_BYTES = 10 * 1024 * 1024;

export const pageSchema = z.looseObject({
  flags: z.array(z.unknown()),
  next_cursor: z.string().min(1).max(8192),
  has_more: z.boolean().default(false),
  server_time: z.string().optional(),
});

export type FeedPage = z.infer<typeof pageSchema>;

export type PageParseResult = { ok: true; page: FeedPage } | { ok: false; reason: string };

export function parsePageBody(text: string): PageParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'body is not valid JSON' };
  }
  const result = pageSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = (issue?.path ?? []).map(String).join('.') || '(top level)';
    return {
      ok: false,
      reason: `page field ${field}: not the protocol's shape (${issue?.code ?? 'invalid'})`,
    };
  }
  return { ok: true, page: result.data };
}
