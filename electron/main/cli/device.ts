// `lifeline device enrol|list|revoke`: the room's desks and walls, managed at the core. An
// administrator (--by, with their password, as every other command) creates a one-time code for a
// named device; the device presents it once to `lifeline serve` and receives its own credential.
// Revoking takes effect at a running core within its revocation check (1 s): the device's open
// connections are closed with the reason 'revoked' and it cannot connect again.
import fs from 'node:fs';
import path from 'node:path';
import { ContractError } from '../../../shared/errors';
import { CORE_CERT_FILE, fingerprintOf } from '../core/net/core-certificate';
import {
  ENROLMENT_CODE_TTL_MS,
  hashEnrolmentCode,
  newEnrolmentCode,
  normaliseEnrolmentCode,
} from '../core/net/device-secrets';
import { DEVICE_KINDS, type DeviceKind } from '../core/store/store';
import { accountUnitsSchema, parseUnitList, unknownUnits } from '../../../shared/units';
import { describeZodError } from '../../../shared/contract';
import { isKnownUnit, loadUnitRegistry } from '../core/units/unit-registry';
import { resolveHostConfig } from '../core/config/host-config';
import { authenticateActor } from './authenticate';
import { DATABASE_OPTIONS_HELP, openStoreForCommand, parseCommand, requiredBy } from './open-for-command';

export const DEVICE_HELP = `Usage: lifeline device enrol --name NAME --kind desk|wall [--units ID[,ID]] --by ADMIN [--minutes N] [options]
       lifeline device list [options]
       lifeline device revoke --name NAME --by ADMIN [options]

enrol    a one-time code for the named device, valid --minutes (1–60, default ${ENROLMENT_CODE_TTL_MS / 60_000});
         type it at the device together with the core's address, and check that the
         fingerprint the device shows is the one printed here
list     enrolled devices, their kind, and when they were enrolled or revoked (never a credential)
revoke   cuts the device off at once (a running core closes its connections: 'revoked')
         and withdraws any code still open for the name

  --name NAME             the device, e.g. "Desk 3" or "Wall north"
  --kind KIND             enrol: desk (operators log on there) or wall (the queue only, no names)
  --units ID[,ID]         enrol, a desk of a district control room: the police units it serves
                          (ids of the unit registry, as for account add --role unit); it then
                          sees only their flags, logged on or not, and only their unit accounts
                          log on there. Without it the desk is the command centre's.
  --by NAME               an administrator, with their password (LIFELINE_PASSWORD or typed)
  --minutes N             enrol: how long the code is valid
  --tls-cert FILE         enrol: the core's certificate when it came from the state's PKI
${DATABASE_OPTIONS_HELP}`;

const DEVICE_NAME = /^[\p{L}\p{M}\p{N} ._-]{2,64}$/u;

function deviceName(value: unknown): string {
  const name = typeof value === 'string' ? value.trim() : '';
  if (!DEVICE_NAME.test(name))
    throw new ContractError('invalid_request', '--name: 2–64 letters, digits, spaces, dots, dashes.', 'name');
  return name;
}

function coreFingerprint(dataDir: string, certFile: string | undefined): string {
  const file = certFile ?? path.join(dataDir, CORE_CERT_FILE);
  if (!fs.existsSync(file))
    return `(not made yet: start lifeline serve once, then read it here or in its start-up lines)`;
  return fingerprintOf(fs.readFileSync(file, 'utf8')).fingerprint;
}

export async function deviceCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const values = parseCommand('device', rest, {
    name: { type: 'string' },
    kind: { type: 'string' },
    units: { type: 'string' },
    by: { type: 'string' },
    minutes: { type: 'string' },
    'tls-cert': { type: 'string' },
  });
  if (values.help || action === undefined || action === '--help' || action === '-h') {
    console.log(DEVICE_HELP);
    return action === undefined ? 2 : 0;
  }
  if (!['enrol', 'list', 'revoke'].includes(action))
    throw new ContractError('invalid_request', `device ${action}: unknown; see lifeline device --help.`);
  const name = action === 'list' ? '' : deviceName(values.name);
  const by = action === 'list' ? '' : requiredBy(values);
  const kind = values.kind as DeviceKind;
  if (action === 'enrol' && !DEVICE_KINDS.includes(kind))
    throw new ContractError('invalid_request', `--kind: one of ${DEVICE_KINDS.join(', ')}.`, 'kind');
  const unitsGiven = values.units as string | undefined;
  if (unitsGiven !== undefined && !(action === 'enrol' && kind === 'desk'))
    throw new ContractError('invalid_request', '--units: only with device enrol --kind desk.', 'units');
  let units: string[] | undefined;
  if (unitsGiven !== undefined) {
    const checked = accountUnitsSchema.safeParse(parseUnitList(unitsGiven));
    if (!checked.success) throw new ContractError('invalid_request', describeZodError(checked.error).message);
    units = checked.data;
  }
  const minutes = values.minutes === undefined ? ENROLMENT_CODE_TTL_MS / 60_000 : Number(values.minutes);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 60)
    throw new ContractError('invalid_request', '--minutes: a whole number of minutes, 1–60.', 'minutes');

  const { admin } = await openStoreForCommand(values);
  try {
    if (action === 'list') {
      const devices = await admin.listDevices();
      if (devices.length === 0) console.log('no devices enrolled yet');
      for (const d of devices)
        console.log(
          `${d.name}\t${d.kind}${d.units ? `\t${d.units.join(',')}` : ''}\tenrolled ${new Date(d.enrolledAtMs).toISOString()} by ${d.enrolledBy}` +
            (d.revokedAtMs === null
              ? ''
              : `\tREVOKED ${new Date(d.revokedAtMs).toISOString()} by ${d.revokedBy}`),
        );
      return 0;
    }
    const actor = await authenticateActor(admin, by, ['administrator'], `${action} a device`);
    if (action === 'revoke') {
      const revoked = await admin.revokeDevice(name, actor, Date.now());
      console.log(`revoked ${revoked.name} (${revoked.kind}); a running core cuts it off within a second`);
      return 0;
    }
    if (units) {
      // Units are those of the registry in force in this store, as a running core knows them.
      await loadUnitRegistry(admin);
      const unknown = unknownUnits(units, isKnownUnit);
      if (unknown.length > 0)
        throw new ContractError(
          'invalid_request',
          `--units: ${unknown.join(', ')} is not a unit of the registry in force (lifeline units export lists them).`,
          'units',
        );
    }
    const code = newEnrolmentCode();
    const { expiresAtMs } = await admin.createEnrolment({
      name,
      kind,
      codeHash: hashEnrolmentCode(normaliseEnrolmentCode(code)!),
      by: actor,
      atMs: Date.now(),
      ttlMs: minutes * 60_000,
      ...(units ? { units } : {}),
    });
    const config = resolveHostConfig({ dataDir: values['data-dir'] as string | undefined }, process.env);
    console.log(
      `enrolment code for ${name} (${kind}${units ? `, district control room: ${units.join(', ')}` : ''}): ${code}`,
    );
    console.log(`  valid until ${new Date(expiresAtMs).toISOString()} (${minutes} minutes), once`);
    console.log(
      `  core certificate SHA-256: ${coreFingerprint(config.dataDir, values['tls-cert'] as string | undefined)}`,
    );
    return 0;
  } finally {
    await admin.close();
  }
}
