// The police units as police headquarters defines them (issue #23): data, kept in the store,
// versioned and edited by an administrator, not a table fixed in code. Each unit says which area it
// covers — revenue districts, towns, PIN codes and, where a city is known by a circle around it,
// circles — and routing (route.ts) sends a flag to the unit whose claim is most specific.
// The shipped registry (DEFAULT_UNIT_REGISTRY) is the table the console always had, so nothing
// changes until an administrator changes it. Unit ids are permanent: accounts (district control
// rooms), flags and dispatches hold them, so a unit is renamed under the same id and is never
// removed, only made inactive (checkSuccession below).
import { z } from 'zod';
import { DISTRICTS } from '../geo/districts';
import { normaliseName } from '../geo/district-names';
import { unitContactSchema } from './unit-contact';

export const UNIT_KINDS = ['commissionerate', 'police-district', 'city', 'rural'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

const DISTRICT_KEYS = new Set(DISTRICTS.map((d) => d.key));
const districtKey = z
  .string()
  .refine((k) => DISTRICT_KEYS.has(k), { error: 'a revenue district key (shared/geo/districts.ts)' });
const name = (lang: string) =>
  z
    .string()
    .trim()
    .min(2, { error: `the unit's ${lang} name, 2 to 120 characters` })
    .max(120, { error: `the unit's ${lang} name, 2 to 120 characters` });

export const unitIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,47}$/, { error: 'a unit id: 2 to 48 lower-case letters, digits and -' });

export const unitAreaSchema = z
  .object({
    /** Revenue districts the unit covers, where no more specific claim (town, PIN, circle) decides. */
    districts: z.array(districtKey).max(41),
    /** Towns (names as written, English or Hindi) inside the unit: a city's commissionerate, for example. */
    towns: z
      .array(z.string().trim().min(2, { error: 'a town name, at least 2 characters' }).max(80))
      .max(500),
    /** PIN codes inside the unit. */
    pins: z.array(z.string().regex(/^\d{6}$/, { error: 'a PIN code: 6 digits' })).max(2000),
    /** Coordinates within km of a point are the unit's (a city known by its radius). */
    circles: z
      .array(
        z
          .object({
            lat: z.number().min(23).max(30.2),
            lon: z.number().min(69.4).max(78.3),
            km: z.number().positive().max(50),
          })
          .strict(),
      )
      .max(20),
    /**
     * Districts whose flags that name the district and nothing finer (no town, PIN or point) come to
     * this unit first, less surely: the command centre that watches the feed (Kota City for Kota).
     */
    districtOnly: z.array(districtKey).max(41),
  })
  .strict();
export type UnitArea = z.infer<typeof unitAreaSchema>;

export const registryUnitSchema = z
  .object({
    id: unitIdSchema,
    en: name('English'),
    hi: name('Hindi'),
    kind: z.enum(UNIT_KINDS, { error: `one of ${UNIT_KINDS.join(', ')}` }),
    /** The revenue district the unit belongs to (its home on the map; a town or PIN claim is placed there). */
    district: districtKey,
    /** Control-room numbers as police headquarters gives them (a desk may also set one on site). */
    contacts: z.array(unitContactSchema).max(5),
    /** An inactive unit keeps its past flags and dispatches but receives no new ones. */
    active: z.boolean(),
    /** For an inactive unit: the units that took over its area (a merge names one, a split several). */
    replacedBy: z.array(unitIdSchema).max(20),
    area: unitAreaSchema,
  })
  .strict();
export type RegistryUnit = z.infer<typeof registryUnitSchema>;

/** The whole registry, as saved, exported and imported. */
export const unitRegistrySchema = z
  .object({ units: z.array(registryUnitSchema).min(1).max(500) })
  .strict()
  .superRefine((registry, ctx) => {
    const ids = new Set<string>();
    registry.units.forEach((unit, i) => {
      if (ids.has(unit.id))
        ctx.addIssue({ code: 'custom', path: ['units', i, 'id'], message: `${unit.id} appears twice` });
      ids.add(unit.id);
    });
    registry.units.forEach((unit, i) => {
      unit.replacedBy.forEach((next, j) => {
        if (!ids.has(next) || next === unit.id)
          ctx.addIssue({
            code: 'custom',
            path: ['units', i, 'replacedBy', j],
            message: `${next} is not another unit of the registry`,
          });
      });
      if (unit.active && unit.replacedBy.length > 0)
        ctx.addIssue({
          code: 'custom',
          path: ['units', i, 'replacedBy'],
          message: 'only an inactive unit is replaced',
        });
    });
    if (!registry.units.some((u) => u.active))
      ctx.addIssue({ code: 'custom', path: ['units'], message: 'at least one unit must be active' });
  });
export type UnitRegistry = z.infer<typeof unitRegistrySchema>;

/** A registry as the store keeps it: version 0 is the shipped one, never stored. */
export interface RegistryVersion {
  version: number;
  registry: UnitRegistry;
  savedBy: string | null;
  savedAtMs: number | null;
}

export interface RegistryVersionSummary {
  version: number;
  savedBy: string;
  savedAtMs: number;
  units: number;
  /** The SHA-256 of the file it was imported from; null when edited on a desk. */
  sourceSha256: string | null;
}

export const emptyArea = (): UnitArea => ({
  districts: [],
  towns: [],
  pins: [],
  circles: [],
  districtOnly: [],
});

const KOTA_HQ = DISTRICTS.find((d) => d.key === 'kota')!.hq;
/** Kota City's head post offices: 324001 to 324010. */
const KOTA_CITY_PINS = Array.from({ length: 10 }, (_, i) => String(324001 + i));

/** Today's table: Kota City and Kota Rural, and one control room for each other district. */
export const DEFAULT_UNIT_REGISTRY: UnitRegistry = {
  units: [
    {
      id: 'kota-city',
      en: 'Kota City Police (via the command centre)',
      hi: 'कोटा शहर पुलिस (कमांड सेंटर के माध्यम से)',
      kind: 'city',
      district: 'kota',
      contacts: [],
      active: true,
      replacedBy: [],
      area: {
        ...emptyArea(),
        towns: ['Kota', 'कोटा', 'Kota City', 'कोटा शहर'],
        pins: KOTA_CITY_PINS,
        circles: [{ lat: KOTA_HQ[0], lon: KOTA_HQ[1], km: 12 }],
        districtOnly: ['kota'],
      },
    },
    {
      id: 'kota-rural',
      en: 'Kota Rural Police control room',
      hi: 'कोटा ग्रामीण पुलिस कंट्रोल रूम',
      kind: 'rural',
      district: 'kota',
      contacts: [],
      active: true,
      replacedBy: [],
      area: { ...emptyArea(), districts: ['kota'] },
    },
    ...DISTRICTS.filter((d) => d.key !== 'kota').map((d): RegistryUnit => ({
      id: `${d.key}-control-room`,
      en: `${d.en} district police control room`,
      hi: `${d.hi} ज़िला पुलिस कंट्रोल रूम`,
      kind: 'police-district',
      district: d.key,
      contacts: [],
      active: true,
      replacedBy: [],
      area: { ...emptyArea(), districts: [d.key] },
    })),
  ],
};

/** A validation failure: where (a path like units[3].area.pins[2]) and which rule. */
export interface RegistryProblem {
  path: string;
  unitIndex: number | null;
  rule: string;
}

const pathText = (path: readonly PropertyKey[]) =>
  path.reduce<string>(
    (text, part) =>
      typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part),
    '',
  );

export type RegistryCheck = { ok: true; registry: UnitRegistry } | { ok: false; problems: RegistryProblem[] };

/** Validates a registry as given (an edit, an import); every problem is named, not only the first. */
export function checkRegistry(input: unknown): RegistryCheck {
  const parsed = unitRegistrySchema.safeParse(input);
  if (parsed.success) return { ok: true, registry: parsed.data };
  const problems = parsed.error.issues.map((issue) => ({
    path: pathText(issue.path),
    unitIndex: issue.path[0] === 'units' && typeof issue.path[1] === 'number' ? issue.path[1] : null,
    rule: issue.message,
  }));
  // The registry-wide rules run only on units that parsed; a repeated id is worth naming regardless.
  const units = (input as { units?: unknown } | null)?.units;
  if (problems.every((p) => !p.rule.endsWith('appears twice')) && Array.isArray(units)) {
    const seen = new Set<unknown>();
    units.forEach((unit: unknown, i) => {
      const id = (unit as { id?: unknown } | null)?.id;
      if (typeof id === 'string' && seen.has(id))
        problems.push({ path: `units[${i}].id`, unitIndex: i, rule: `${id} appears twice` });
      seen.add(id);
    });
    problems.sort((a, b) => (a.unitIndex ?? -1) - (b.unitIndex ?? -1));
  }
  return { ok: false, problems };
}

/**
 * A new version may rename, re-area or retire units, never drop one: past flags, dispatches and
 * accounts hold unit ids, and each must still name its unit. Returns the ids that went missing.
 */
export function missingUnits(previous: UnitRegistry, next: UnitRegistry): string[] {
  const kept = new Set(next.units.map((u) => u.id));
  return previous.units.filter((u) => !kept.has(u.id)).map((u) => u.id);
}

export const unitOf = (registry: UnitRegistry, id: string | null): RegistryUnit | undefined =>
  id === null ? undefined : registry.units.find((u) => u.id === id);

/**
 * The unit in force today that stands for a unit: itself while active; for a retired one, the unit it
 * was merged into (following merges and renames along the way). A unit split into several has no one
 * successor and stands for itself: its past stays under its own name.
 */
export function unitInForce(registry: UnitRegistry, id: string): string {
  let current = unitOf(registry, id);
  const seen = new Set<string>();
  while (current && !current.active && current.replacedBy.length === 1 && !seen.has(current.id)) {
    seen.add(current.id);
    current = unitOf(registry, current.replacedBy[0]!) ?? current;
  }
  return current?.id ?? id;
}

/** A town's name as the registry and the gazetteer compare it. */
export const townKey = (town: string) => normaliseName(town);
