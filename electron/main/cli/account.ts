// `lifeline account add|list|release`: accounts from the machine itself, for the first
// administrator before any desk runs and for scripted set-up. Whoever has the database key here
// has the data anyway; every change is still audited under --by. That is also why `release
// --break-glass` needs no password: when every supervisor and the administrator are locked out, the
// key holder at the console machine can open an account at once (audited with who, where and when)
// instead of waiting out the lock or editing the database by hand.
import os from 'node:os';
import {
  ACCOUNT_ROLES,
  accountNameSchema,
  LOCKOUT,
  passwordSchema,
  type AccountRole,
} from '../../../shared/accounts';
import { describeZodError } from '../../../shared/contract';
import { accountUnitsSchema, parseUnitList, unknownUnits } from '../../../shared/units';
import { isKnownUnit, loadUnitRegistry } from '../core/units/unit-registry';
import { ContractError } from '../../../shared/errors';
import { hashPassword } from '../core/accounts/passwords';
import type { StoreAdmin } from '../core/store/store-admin';
import { DATABASE_OPTIONS_HELP, openStoreForCommand, parseCommand, requiredBy } from './open-for-command';
import { authenticateActor } from './authenticate';
import { readSecret } from './read-secret';

export const NEW_PASSWORD_ENV = 'LIFELINE_NEW_PASSWORD';

export const ACCOUNT_HELP = `Usage: lifeline account add --name NAME --role ROLE [--units ID[,ID]] --by NAME [options]
       lifeline account list [options]
       lifeline account release --name NAME --by NAME [--break-glass] [options]

add      a new account (${ACCOUNT_ROLES.join(', ')}); its password (10+ characters) is read
         from ${NEW_PASSWORD_ENV}, or typed twice without echo, or read from stdin
list     names, roles and lockouts (never a password)
release  lifts the lockout after ${LOCKOUT.failures} failed logons before its ${LOCKOUT.lockMs / 60_000} minutes are up:
         --by a supervisor or administrator, with their password; or, when none of them can
         log on, --break-glass: no password, only the database key of this machine, and
         recorded in the audit trail (account.break_glass_release, with --by and the OS user)

  --name NAME             the account
  --role ROLE             add: ${ACCOUNT_ROLES.join(' | ')}
  --units ID[,ID]         add, role unit: the police units (ids of the unit table, e.g.
                          jodhpur-control-room) whose dispatched flags the account works
  --by NAME               who does it, recorded in the audit trail
  --break-glass           release: without an account password (see above)
${DATABASE_OPTIONS_HELP}`;

function parsed<T>(
  result: { success: true; data: T } | { success: false; error: import('zod').ZodError },
): T {
  if (!result.success) throw new ContractError('invalid_request', describeZodError(result.error).message);
  return result.data;
}

export async function accountCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const values = parseCommand('account', rest, {
    name: { type: 'string' },
    role: { type: 'string' },
    units: { type: 'string' },
    by: { type: 'string' },
    'break-glass': { type: 'boolean' },
  });
  if (values.help || action === undefined || action === '--help' || action === '-h') {
    console.log(ACCOUNT_HELP);
    return action === undefined ? 2 : 0;
  }
  if (!['add', 'list', 'release'].includes(action))
    throw new ContractError('invalid_request', `account ${action}: unknown; see lifeline account --help.`);
  const name = action === 'list' ? '' : parsed(accountNameSchema.safeParse(values.name ?? ''));
  const by = action === 'list' ? '' : requiredBy(values);
  const role = action === 'add' ? (values.role as string | undefined) : undefined;
  const breakGlass = values['break-glass'] === true;
  if (breakGlass && action !== 'release')
    throw new ContractError('invalid_request', '--break-glass: only with account release.');
  if (action === 'add' && !ACCOUNT_ROLES.includes(role as AccountRole))
    throw new ContractError('invalid_request', `--role: one of ${ACCOUNT_ROLES.join(', ')}.`);
  const unitsGiven = values.units as string | undefined;
  if (unitsGiven !== undefined && !(action === 'add' && role === 'unit'))
    throw new ContractError('invalid_request', '--units: only with account add --role unit.');
  if (action === 'add' && role === 'unit' && unitsGiven === undefined)
    throw new ContractError('invalid_request', '--units: a unit account needs its units (--units ID[,ID]).');
  const units =
    unitsGiven === undefined ? undefined : parsed(accountUnitsSchema.safeParse(parseUnitList(unitsGiven)));
  const password =
    action === 'add'
      ? parsed(
          passwordSchema.safeParse(
            await readSecret({
              envName: NEW_PASSWORD_ENV,
              prompt: `Password for ${name}: `,
              confirm: true,
              check: (p) => void parsed(passwordSchema.safeParse(p)),
              what: 'password',
            }),
          ),
        )
      : '';
  const { admin } = await openStoreForCommand(values, { create: action === 'add' });
  try {
    if (action === 'list') {
      const accounts = await admin.listAccounts(Date.now());
      if (accounts.length === 0)
        console.log('no accounts yet: the first desk to open creates the administrator');
      for (const a of accounts)
        console.log(
          `${a.name}\t${a.role}${a.units ? `\t${a.units.join(',')}` : ''}${a.locked ? '\tLOCKED' : ''}`,
        );
      return 0;
    }
    if (action === 'add') {
      // Units are those of the registry in force in this store, as a running core knows them.
      await loadUnitRegistry(admin);
      const unknown = unknownUnits(units ?? [], isKnownUnit);
      if (unknown.length > 0)
        throw new ContractError(
          'invalid_request',
          `--units: ${unknown.join(', ')} is not a unit of the registry in force (lifeline units export lists them).`,
        );
      const first = (await admin.countAccounts()) === 0;
      if (first && role !== 'administrator')
        throw new ContractError('invalid_request', 'The first account must be an administrator.');
      // The first administrator is created by whoever installs the console; after that, only an administrator.
      const actor = first ? by : await authenticateActor(admin, by, ['administrator'], 'add an account');
      const added = await admin.createAccount(
        {
          name,
          role: role as AccountRole,
          passwordHash: await hashPassword(password),
          ...(units ? { units } : {}),
        },
        actor,
        Date.now(),
      );
      console.log(`added ${added.name} (${added.role}${added.units ? `: ${added.units.join(', ')}` : ''})`);
      return 0;
    }
    if (breakGlass) return releaseBreakGlass(admin, name, by);
    const actor = await authenticateActor(admin, by, ['supervisor', 'administrator'], 'release an account');
    const released = await admin.updateAccount(name, { lockedAtMs: null }, actor, Date.now());
    console.log(`released ${released.name}`);
    return 0;
  } finally {
    await admin.close();
  }
}

/**
 * The key holder's release: no account password (the accounts that could give one may all be
 * locked), so the trail records who said they did it (--by), the machine's OS user, and when. Used
 * even on an account that turns out not to be locked: every use of the break-glass is on record.
 */
async function releaseBreakGlass(admin: StoreAdmin, name: string, by: string): Promise<number> {
  const { name: released, wasLocked } = await admin.breakGlassRelease(
    name,
    by,
    `command line as ${os.userInfo().username}`,
    Date.now(),
  );
  console.log(
    wasLocked
      ? `released ${released} (break-glass, audited)`
      : `${released} was not locked (break-glass use audited)`,
  );
  return 0;
}
