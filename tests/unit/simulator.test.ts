// The simulator's synthetic feed: realistic in shape, invented in every person.
import { afterEach, describe, expect, it } from 'vitest';
import { parseFlagRecord } from '../../shared/feed/flag-schema';
import { districtKeyOf } from '../../shared/geo/district-names';
import { seededRandom, syntheticFlag } from '../../electron/main/core/simulator/synthetic-flags';
import { startSimulator, type Simulator } from '../../electron/main/core/simulator/simulator-server';

let sim: Simulator | null = null;
afterEach(async () => sim?.close());

describe('synthetic flags', () => {
  const random = seededRandom(42);
  const flags = Array.from({ length: 600 }, (_, i) =>
    syntheticFlag(random, i + 1, new Date('2026-11-25T04:00:00Z')),
  );

  it('are all valid protocol records with invented contact details', () => {
    for (const flag of flags) {
      expect(parseFlagRecord(flag).ok, flag.id).toBe(true);
      const subject = flag.subject as Record<string, string>;
      expect(subject.email).toMatch(/@example\.invalid$/);
      expect(subject.profile_url).toMatch(/^https:\/\/[a-z]+\.invalid\//);
      expect(subject.phone).toMatch(/^\+91 90000 \d{5}$/);
    }
  });

  it('cover every risk, Hindi and English, Kota weighted heavily, and partial or missing locations', () => {
    const risks = new Set(flags.map((f) => f.risk));
    expect([...risks].sort()).toEqual(['elevated', 'high', 'imminent']);
    const locations = flags.map((f) => f.location as Record<string, unknown> | undefined);
    const districts = locations.map((l) => districtKeyOf((l?.district as string) ?? null)).filter(Boolean);
    expect(districts.filter((d) => d === 'kota').length / districts.length).toBeGreaterThan(0.35);
    expect(new Set(districts).size).toBeGreaterThan(30);
    expect(locations.some((l) => /[\u0900-\u097f]/.test(String(l?.district ?? '')))).toBe(true);
    expect(locations.some((l) => l === undefined)).toBe(true);
    expect(locations.some((l) => l && l.lat !== undefined && l.district === undefined)).toBe(true);
    expect(flags.some((f) => (f.content as Record<string, string>).language === 'hi')).toBe(true);
  });
});

describe('simulator generator', () => {
  it('mixes new flags with redeliveries, revisions and withdrawals', async () => {
    sim = await startSimulator({ token: 't', seed: 3, runId: 'g' });
    for (let i = 0; i < 400; i++) sim.step();
    const log = sim.log as { id: string; revision: number; status: string }[];
    const keys = log.map((f) => `${f.id}@${f.revision}`);
    expect(new Set(keys).size).toBeLessThan(keys.length); // redeliveries
    expect(log.some((f) => f.revision > 1)).toBe(true); // revisions
    expect(log.some((f) => f.status === 'withdrawn')).toBe(true); // withdrawals
  });

  it('speaks the protocol: bearer token, cursor, limit, has_more, 204 when empty', async () => {
    sim = await startSimulator({ token: 'tok', runId: 'p' });
    const get = (query: string, token = 'tok') =>
      fetch(`${sim!.url}/v1/flags${query}`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await get('', 'bad')).status).toBe(401);
    expect((await get('')).status).toBe(204);
    for (let i = 0; i < 3; i++) sim.publishSynthetic();
    const first = (await (await get('?limit=2')).json()) as { flags: unknown[] };
    expect(first).toMatchObject({ next_cursor: 'c_2', has_more: true });
    expect(first.flags).toHaveLength(2);
    const second = await (await get('?limit=2&cursor=c_2')).json();
    expect(second).toMatchObject({ next_cursor: 'c_3', has_more: false });
    expect((await get('?cursor=c_3')).status).toBe(204);
    expect((await get('?limit=501')).status).toBe(400);
    expect((await get('?cursor=zz')).status).toBe(400);
  });
});
