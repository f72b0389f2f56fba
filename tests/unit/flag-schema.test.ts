import { describe, expect, it } from 'vitest';
import { EXCERPT_MAX_CHARS, parseFlagRecord } from '../../shared/feed/flag-schema';
import { parsePageBody } from '../../shared/feed/page-schema';
import { makeFlag } from '../helpers/flags';

const rejects = (record: unknown, field: string) => {
  const result = parseFlagRecord(record);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.field).toBe(field);
    expect(result.rule.length).toBeGreaterThan(5);
  }
};

describe('FLAG schema (feed protocol v1)', () => {
  it('accepts the protocol example and applies defaults', () => {
    const { revision: _r, status: _s, ...flag } = makeFlag();
    const result = parseFlagRecord(flag);
    expect(result.ok && result.flag.revision).toBe(1);
    expect(result.ok && result.flag.status).toBe('active');
  });

  it('keeps unknown fields as they came', () => {
    const result = parseFlagRecord(
      makeFlag({ x_future: { a: 1 }, subject: { account_id: '1', nickname: 'n' } }),
    );
    expect(result.ok && result.flag.x_future).toEqual({ a: 1 });
    expect(result.ok && (result.flag.subject as Record<string, unknown>).nickname).toBe('n');
  });

  it('cuts an excerpt over 2,000 characters instead of rejecting it, never splitting a character', () => {
    const long = 'आत्म'.repeat(1000) + '😀'.repeat(10);
    const result = parseFlagRecord(makeFlag({ content: { excerpt: long } }));
    expect(result.ok).toBe(true);
    const excerpt = result.ok ? (result.flag.content?.excerpt ?? '') : '';
    expect(Array.from(excerpt)).toHaveLength(EXCERPT_MAX_CHARS);
    expect(excerpt.isWellFormed()).toBe(true);
  });

  it.each([
    [{ id: '' }, 'id'],
    [{ id: 'has space' }, 'id'],
    [{ id: 'x'.repeat(65) }, 'id'],
    [{ revision: 0 }, 'revision'],
    [{ revision: 1.5 }, 'revision'],
    [{ status: 'deleted' }, 'status'],
    [{ flagged_at: '2026-11-25T10:14:51' }, 'flagged_at'],
    [{ flagged_at: 'yesterday' }, 'flagged_at'],
    [{ platform: 'Instagram' }, 'platform'],
    [{ category: 'self harm' }, 'category'],
    [{ risk: 'low' }, 'risk'],
    [{ subject: {} }, 'subject.account_id'],
    [{ subject: { account_id: '1', age: '17' } }, 'subject.age'],
    [{ location: { pincode: '32400' } }, 'location.pincode'],
    [{ location: { lat: 95 } }, 'location.lat'],
    [{ location: { source: 'gps' } }, 'location.source'],
  ])('quarantines %j with the field named', (override, field) => {
    rejects(makeFlag(override), field);
  });

  it('names the missing required fields', () => {
    const { id: _id, ...noId } = makeFlag();
    rejects(noId, 'id');
    const { flagged_at: _f, ...noDate } = makeFlag();
    rejects(noDate, 'flagged_at');
    const { subject: _s, ...noSubject } = makeFlag();
    rejects(noSubject, 'subject');
  });

  it('treats null in optional fields as absent, as serialisers write it', () => {
    const record = makeFlag({
      platform: null,
      content: null,
      location: { district: 'Kota', pincode: null, lat: null, lon: null, source: null },
      institution: null,
      subject: { account_id: '1', handle: null, age: null, email: null },
    });
    expect(parseFlagRecord(record).ok).toBe(true);
    expect(parseFlagRecord(makeFlag({ location: null })).ok).toBe(true);
  });

  it('names the length rule for over-long free text', () => {
    const result = parseFlagRecord(makeFlag({ subject: { account_id: '1', display_name: 'x'.repeat(600) } }));
    expect(result).toMatchObject({
      ok: false,
      field: 'subject.display_name',
      rule: 'at most 512 characters',
    });
  });

  it('rejects non-objects without throwing', () => {
    for (const value of [null, 42, 'flag', [], true]) expect(parseFlagRecord(value).ok).toBe(false);
  });

  it('accepts partial locations, Hindi districts and missing content', () => {
    const { content: _c, ...noContent } = makeFlag({ location: { district: 'कोटा' } });
    expect(parseFlagRecord(noContent).ok).toBe(true);
  });
});

describe('page schema', () => {
  it('rejects a non-JSON body and a wrong top level', () => {
    expect(parsePageBody('<html>').ok).toBe(false);
    expect(parsePageBody('[]').ok).toBe(false);
    expect(parsePageBody('{"flags": {}, "next_cursor": "c"}').ok).toBe(false);
    expect(parsePageBody('{"flags": [], "has_more": false}').ok).toBe(false);
  });
  it('accepts a page whose records are invalid (they are judged one by one)', () => {
    const result = parsePageBody('{"flags": [1, {"id": "x"}], "next_cursor": "c_2", "has_more": true}');
    expect(result.ok && result.page.flags).toHaveLength(2);
    expect(result.ok && result.page.has_more).toBe(true);
  });
});
