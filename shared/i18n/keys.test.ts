import { describe, expect, it } from 'vitest';
import { en } from './en';
import { hi } from './hi';
import { DEFAULT_SCHEDULE } from '../shifts/schedule';

function leafKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafKeys(child, prefix ? `${prefix}.${key}` : key));
}

function leaves(value: unknown): unknown[] {
  if (typeof value !== 'object' || value === null) return [value];
  return Object.values(value).flatMap(leaves);
}

describe('i18n tables', () => {
  it('en and hi have exactly the same keys', () => {
    expect(leafKeys(hi).sort()).toEqual(leafKeys(en).sort());
  });

  it('every leaf is a non-empty string', () => {
    for (const table of [en, hi])
      for (const leaf of leaves(table)) expect(typeof leaf === 'string' && leaf.length > 0).toBe(true);
  });

  it('keeps the same interpolation variables in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const enLeaves = leafKeys(en);
    const get = (table: unknown, path: string) =>
      path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], table);
    for (const key of enLeaves)
      expect(vars(get(hi, key) as string), key).toEqual(vars(get(en, key) as string));
  });

  it('writes Hindi in Devanagari', () => {
    expect(hi.queue.title).toBe('कतार');
    expect(hi.detail.acknowledge).toBe('स्वीकार करें');
    expect(hi.risk).toEqual({ imminent: 'तत्काल', high: 'उच्च', elevated: 'मध्यम' });
    expect(hi.shift.name).toEqual({ morning: 'सुबह की शिफ़्ट', evening: 'शाम की शिफ़्ट', night: 'रात की शिफ़्ट' });
    expect(hi.handover.doc.received).toBe('प्राप्त फ़्लैग');
    expect(hi.handover.doc.confidential).toBe('गोपनीय — केवल पुलिस उपयोग हेतु');
  });

  it('has a shift name for every shift of the default schedule', () => {
    for (const shift of DEFAULT_SCHEDULE) {
      expect(Object.keys(en.shift.name)).toContain(shift.key);
      expect(Object.keys(hi.shift.name)).toContain(shift.key);
    }
  });
});
