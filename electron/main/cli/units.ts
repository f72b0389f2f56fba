// `lifeline units export|import FILE --by NAME`: the police unit registry as a file (issue #23), so
// police headquarters prepares it once and every console loads it. An import is validated whole:
// each problem listed by line, field and rule, and a file with any problem changes nothing. A good
// one becomes the registry's next version, audited (unit.registry_saved) with the file's SHA-256.
// An export writes the version in force, and is audited too (unit.registry_exported, its SHA-256).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { COMMAND_ACCESS } from '../../../shared/command-access';
import { ContractError } from '../../../shared/errors';
import { formatRegistryFile, parseRegistryFile, problemText } from '../../../shared/routing/registry-file';
import { formatRegistryCsv, parseRegistryCsv } from '../../../shared/routing/registry-csv';
import { changeUnitRegistry, loadUnitRegistry } from '../core/units/unit-registry';
import { authenticateActor } from './authenticate';
import {
  DATABASE_OPTIONS_HELP,
  openStoreForCommand,
  requiredBy,
  type CommandValues,
} from './open-for-command';
import { optionError } from './option-error';

/** Exit code when the file was refused: nothing was changed. */
export const EXIT_REFUSED = 3;

export const UNITS_HELP = `Usage: lifeline units export FILE --by NAME [options]
       lifeline units import FILE --by NAME [options]

The police units, their names, kinds, contacts and areas (docs/operations.md, "The unit registry").
export  writes the registry in force to FILE (JSON, one unit a line; CSV when FILE ends in .csv,
        lists in a cell separated by |); refuses to overwrite a file
import  reads FILE, checks every unit, and saves it as the registry's next version; a file with any
        error is refused whole (each error by line, field and rule; exit ${EXIT_REFUSED}) and changes nothing
Both by --by NAME (${COMMAND_ACCESS.units.join(' or ')}), its password from LIFELINE_PASSWORD or typed,
and recorded in the audit trail with the file's SHA-256. A running console routes with an imported
registry within a few seconds.

  --by NAME               who does it (an administrator account)
${DATABASE_OPTIONS_HELP}`;

function parse(args: string[]): { values: CommandValues; positionals: string[] } {
  try {
    const parsed = parseArgs({
      args,
      options: {
        by: { type: 'string' },
        'data-dir': { type: 'string' },
        'key-file': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
    return { values: parsed.values as CommandValues, positionals: parsed.positionals };
  } catch (error) {
    throw optionError('units', error);
  }
}

const sha256 = (bytes: Buffer | string) => crypto.createHash('sha256').update(bytes).digest('hex');

export async function unitsCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args);
  const [action, file, ...extra] = positionals;
  if (values.help || action === undefined) {
    console.log(UNITS_HELP);
    return action === undefined && !values.help ? 2 : 0;
  }
  if (action !== 'export' && action !== 'import')
    throw new ContractError('invalid_request', `units ${action}: unknown; see lifeline units --help.`);
  if (file === undefined || extra.length > 0)
    throw new ContractError('invalid_request', `units ${action} takes exactly one FILE.`);
  const by = requiredBy(values);
  if (action === 'export' && fs.existsSync(file))
    throw new ContractError('invalid_request', `${file} exists already: export writes a new file.`);
  if (action === 'import' && (!fs.existsSync(file) || !fs.statSync(file).isFile()))
    throw new ContractError('not_found', `No file ${file}.`);
  // The file is checked before the database is opened or a password asked: a refused file needs neither.
  const bytes = action === 'import' ? fs.readFileSync(file) : null;
  const csv = file.toLowerCase().endsWith('.csv');
  const checked = bytes ? (csv ? parseRegistryCsv : parseRegistryFile)(bytes.toString('utf8')) : null;
  if (checked && !checked.ok) {
    console.error(
      [
        `refused ${path.basename(file)}: ${checked.problems.length} problem(s); the registry is unchanged`,
        ...checked.problems.map((p) => `  ${problemText(p)}`),
      ].join('\n'),
    );
    return EXIT_REFUSED;
  }
  const { admin } = await openStoreForCommand(values);
  try {
    const actor = await authenticateActor(admin, by, COMMAND_ACCESS.units, `${action} the unit registry`);
    const inForce = await loadUnitRegistry(admin);
    if (action === 'export') {
      const text = (csv ? formatRegistryCsv : formatRegistryFile)(inForce.registry);
      fs.writeFileSync(file, text, { flag: 'wx' });
      await admin.recordAudit({
        atMs: Date.now(),
        actor,
        action: 'unit.registry_exported',
        target: `v${inForce.version}`,
        detail: { version: inForce.version, units: inForce.registry.units.length, sha256: sha256(text) },
      });
      console.log(
        `exported version ${inForce.version} (${inForce.registry.units.length} units) to ${file}; ` +
          `sha256 ${sha256(text)}; recorded in the audit trail (unit.registry_exported, by ${actor})`,
      );
      return 0;
    }
    try {
      const saved = await changeUnitRegistry(admin, {
        registry: checked?.ok ? checked.registry : null,
        basedOn: inForce.version,
        by: actor,
        atMs: Date.now(),
        sourceSha256: sha256(bytes!),
      });
      console.log(
        `imported ${path.basename(file)} as version ${saved.version} (${saved.registry.units.length} units); ` +
          `sha256 ${sha256(bytes!)}; recorded in the audit trail (unit.registry_saved, by ${actor})`,
      );
      return 0;
    } catch (error) {
      // A rule the file alone cannot break (a unit of the registry in force missing from it).
      if (!(error instanceof ContractError) || error.kind !== 'invalid_request') throw error;
      console.error(`refused ${path.basename(file)}: ${error.message} The registry is unchanged.`);
      return EXIT_REFUSED;
    }
  } finally {
    await admin.close();
  }
}
