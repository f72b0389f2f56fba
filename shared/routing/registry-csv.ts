// The unit registry as CSV (issue #23), for headquarters that keeps it in a spreadsheet: one unit a
// row under a header row, lists inside a cell separated by "|", a circle as "lat:lon:km". Quotes as
// RFC 4180 ("" inside a quoted cell). Saved as UTF-8; an error names the row's line in the file.
import { checkRegistry, type UnitArea, type UnitRegistry } from './unit-registry';
import type { FileProblem, RegistryFileCheck } from './registry-file';

export const CSV_COLUMNS = [
  'id',
  'en',
  'hi',
  'kind',
  'district',
  'active',
  'replaced_by',
  'districts',
  'towns',
  'pins',
  'district_only',
  'circles',
  'contacts',
] as const;

const cell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const joined = (values: readonly string[]) => values.join('|');

export function formatRegistryCsv(registry: UnitRegistry): string {
  const rows = registry.units.map((u) =>
    [
      u.id,
      u.en,
      u.hi,
      u.kind,
      u.district,
      u.active ? 'yes' : 'no',
      joined(u.replacedBy),
      joined(u.area.districts),
      joined(u.area.towns),
      joined(u.area.pins),
      joined(u.area.districtOnly),
      joined(u.area.circles.map((c) => `${c.lat}:${c.lon}:${c.km}`)),
      joined(u.contacts),
    ]
      .map(cell)
      .join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\n') + '\n';
}

/** Rows of cells, each with the line it starts on. */
function parseCsv(text: string): { line: number; cells: string[] }[] | { line: number; rule: string } {
  const rows: { line: number; cells: string[] }[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const cells: string[] = [];
    for (;;) {
      let value = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= text.length) return { line: start, rule: 'a quoted cell is not closed' };
          if (text[i] === '"' && text[i + 1] === '"') {
            value += '"';
            i += 2;
          } else if (text[i] === '"') {
            i++;
            break;
          } else {
            if (text[i] === '\n') line++;
            value += text[i++];
          }
        }
      } else while (i < text.length && !/[,\r\n]/.test(text[i]!)) value += text[i++];
      cells.push(value);
      if (text[i] === ',') i++;
      else break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') {
      i++;
      line++;
    }
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: start, cells });
  }
  return rows;
}

const list = (value: string) => (value.trim() === '' ? [] : value.split('|').map((s) => s.trim()));

export function parseRegistryCsv(text: string): RegistryFileCheck {
  const parsed = parseCsv(text.replace(/^\uFEFF/, ''));
  if (!Array.isArray(parsed))
    return { ok: false, problems: [{ line: parsed.line, path: '(file)', rule: parsed.rule }] };
  const [header, ...rows] = parsed;
  if (!header || header.cells.join(',') !== CSV_COLUMNS.join(','))
    return {
      ok: false,
      problems: [{ line: 1, path: '(header)', rule: `the columns ${CSV_COLUMNS.join(',')}` }],
    };
  const problems: FileProblem[] = [];
  const units = rows.map(({ line, cells }) => {
    if (cells.length !== CSV_COLUMNS.length)
      problems.push({ line, path: '(row)', rule: `${CSV_COLUMNS.length} cells, found ${cells.length}` });
    const c = Object.fromEntries(CSV_COLUMNS.map((name, i) => [name, cells[i] ?? ''])) as Record<
      (typeof CSV_COLUMNS)[number],
      string
    >;
    if (c.active !== 'yes' && c.active !== 'no') problems.push({ line, path: 'active', rule: 'yes or no' });
    const circles = list(c.circles).map((circle) => {
      const [lat, lon, km] = circle.split(':').map(Number);
      return { lat, lon, km };
    });
    const area = {
      districts: list(c.districts),
      towns: list(c.towns),
      pins: list(c.pins),
      circles,
      districtOnly: list(c.district_only),
    } as UnitArea;
    return {
      id: c.id,
      en: c.en,
      hi: c.hi,
      kind: c.kind,
      district: c.district,
      contacts: list(c.contacts),
      active: c.active === 'yes',
      replacedBy: list(c.replaced_by),
      area,
    };
  });
  if (problems.length > 0) return { ok: false, problems };
  const checked = checkRegistry({ units });
  if (checked.ok) return checked;
  return {
    ok: false,
    problems: checked.problems.map((p) => ({
      line: p.unitIndex === null ? null : (rows[p.unitIndex]?.line ?? null),
      path: p.path,
      rule: p.rule,
    })),
  };
}
