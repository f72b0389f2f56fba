// The unit registry as a file (issue #23), so that police headquarters prepares it once and every
// console loads it: JSON, one unit a line, so that an error names the line an editor shows.
// { "format": "lifeline-unit-registry/1",
//   "units": [
//     { "id": "kota-city", … },
//     …
//   ] }
// A file with any error is refused whole: every problem is listed with its line, field and rule.
import { checkRegistry, type UnitRegistry } from './unit-registry';

export const REGISTRY_FILE_FORMAT = 'lifeline-unit-registry/1';

export interface FileProblem {
  /** 1-based; null when the problem is the file's as a whole (a unit missing, say). */
  line: number | null;
  path: string;
  rule: string;
}

export type RegistryFileCheck = { ok: true; registry: UnitRegistry } | { ok: false; problems: FileProblem[] };

/** The file's text: the header, then one unit per line. */
export function formatRegistryFile(registry: UnitRegistry): string {
  const units = registry.units.map((u) => `    ${JSON.stringify(u)}`).join(',\n');
  return `{\n  "format": ${JSON.stringify(REGISTRY_FILE_FORMAT)},\n  "units": [\n${units}\n  ]\n}\n`;
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/**
 * Where each element of the top-level "units" array begins: a scan of the JSON text that follows
 * strings and nesting, so a unit split over several lines is named by its first.
 */
function unitLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let inString = false;
  let unitsArrayDepth = -1;
  let lastKey = '';
  let keyStart = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') {
        inString = false;
        if (depth === 1) lastKey = text.slice(keyStart + 1, i);
      }
      continue;
    }
    if (c === '"') {
      inString = true;
      keyStart = i;
      if (depth === unitsArrayDepth) lines.push(lineAt(text, i));
    } else if (c === '{' || c === '[') {
      if (depth === unitsArrayDepth) lines.push(lineAt(text, i));
      depth++;
      if (c === '[' && depth === 2 && lastKey === 'units') unitsArrayDepth = 2;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth < unitsArrayDepth) unitsArrayDepth = -1;
    } else if (depth === unitsArrayDepth && /[-0-9tfn]/.test(c!)) {
      lines.push(lineAt(text, i));
      while (i + 1 < text.length && /[-+0-9.eEa-z]/.test(text[i + 1]!)) i++;
    }
  }
  return lines;
}

/**
 * The line of a unit that is not valid JSON on its own, in a file written one unit a line (as
 * export writes it); null when none is (the error is in the frame, or the file is laid out otherwise).
 * JSON.parse's message gives no position in every Node version.
 */
function brokenLine(text: string): number | null {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const unit = lines[i]!.trim().replace(/,$/, '');
    if (!unit.startsWith('{') || unit === '{') continue;
    try {
      JSON.parse(unit);
    } catch {
      return i + 1;
    }
  }
  return null;
}

export function parseRegistryFile(text: string): RegistryFileCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ line: brokenLine(text), path: '(file)', rule: 'not valid JSON' }] };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return {
      ok: false,
      problems: [{ line: 1, path: '(file)', rule: 'a JSON object with "format" and "units"' }],
    };
  const { format, ...rest } = parsed as Record<string, unknown>;
  if (format !== REGISTRY_FILE_FORMAT)
    return { ok: false, problems: [{ line: 1, path: 'format', rule: `must be "${REGISTRY_FILE_FORMAT}"` }] };
  const checked = checkRegistry(rest);
  if (checked.ok) return checked;
  const lines = unitLines(text);
  return {
    ok: false,
    problems: checked.problems.map((p) => ({
      line: p.unitIndex === null ? null : (lines[p.unitIndex] ?? null),
      path: p.path,
      rule: p.rule,
    })),
  };
}

/** A problem as one line of text: "line 4: units[2].area.pins[0]: a PIN code: 6 digits". */
export const problemText = (p: FileProblem) =>
  `${p.line === null ? '' : `line ${p.line}: `}${p.path}: ${p.rule}`;
