// The project's district table against the compiled reference in ../shared/reference/ (read here
// only, never shipped).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ABOLISHED_DISTRICTS, DISTRICTS } from '../../shared/geo/districts';
import { districtKeyOf } from '../../shared/geo/district-names';
import { itWithReference } from '../helpers/reference';

describe('districts of Rajasthan', () => {
  it('has the 41 districts in force since 29 Dec 2024, with unique keys', () => {
    expect(DISTRICTS).toHaveLength(41);
    expect(new Set(DISTRICTS.map((d) => d.key)).size).toBe(41);
    expect(DISTRICTS.filter((d) => d.createdIn2023)).toHaveLength(8);
  });

  itWithReference(
    'matches the reference names and headquarters',
    'rajasthan-districts.json',
    (referenceFile) => {
      const reference = JSON.parse(fs.readFileSync(referenceFile, 'utf8')) as {
        districts: { en: string; hi: string; hq: [number, number] }[];
        abolished_2024: { en: string }[];
      };
      for (const r of reference.districts) {
        const ours = DISTRICTS.find((d) => d.en === r.en);
        expect(ours, r.en).toBeDefined();
        expect(ours!.hi).toBe(r.hi);
        expect(ours!.hq[0]).toBeCloseTo(r.hq[0], 2);
        expect(ours!.hq[1]).toBeCloseTo(r.hq[1], 2);
      }
      expect(ABOLISHED_DISTRICTS.map((a) => a.en).sort()).toEqual(
        reference.abolished_2024.map((a) => a.en).sort(),
      );
    },
  );

  it.each([
    ['Kota', 'kota'],
    ['कोटा', 'kota'],
    ['  KOTA district ', 'kota'],
    ['Jhunjhunun', 'jhunjhunu'],
    ['झुंझुनूं', 'jhunjhunu'],
    ['Ganganagar', 'sri-ganganagar'],
    ['Sawai Madhopur', 'sawai-madhopur'],
    ['Chittaurgarh', 'chittorgarh'],
    ['Dudu', 'jaipur'],
    ['Jodhpur Rural', 'jodhpur'],
    ['Kekri', null],
    ['Indore', null],
    ['', null],
  ])('%s → %s', (name, key) => {
    expect(districtKeyOf(name)).toBe(key);
  });
});
