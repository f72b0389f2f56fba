// `lifeline account add|list|release`: accounts from the machine itself, for the first
// administrator before any desk runs and for scripted set-up. Whoever has the database key here
// has the data anyway; every change is still audited under --by.
import { ACCOUNT_ROLES, accountNameSchema, passwordSchema, type AccountRole } from '../../../shared/accounts';
import { describeZodError } from '../../../shared/contract';
import { ContractError } from '../../../shared/errors';
import { hashPassword } from '../core/accounts/passwords';
import { countAccounts, createAccount, listAccounts, updateAccount } from '../core/store/account-queries';
import { DATABASE_OPTIONS_HELP, openDatabaseForCommand, parseCommand, requiredBy } from './open-for-command';
import { authenticateActor } from './authenticate';
import { readSecret } from './read-secret';

export const NEW_PASSWORD_ENV = 'LIFELINE_NEW_PASSWORD';

export const ACCOUNT_HELP = `Usage: lifeline account add --name NAME --role ROLE --by NAME [options]
       lifeline account list [options]
       lifeline account release --name NAME --by NAME [options]

add      a new account (${ACCOUNT_ROLES.join(', ')}); its password (10+ characters) is read
         from ${NEW_PASSWORD_ENV}, or typed twice without echo, or read from stdin
list     names, roles and lockouts (never a password)
release  lifts the lockout after five failed logons

  --name NAME             the account
  --role ROLE             add: ${ACCOUNT_ROLES.join(' | ')}
  --by NAME               who does it, recorded in the audit trail
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
    by: { type: 'string' },
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
  if (action === 'add' && !ACCOUNT_ROLES.includes(role as AccountRole))
    throw new ContractError('invalid_request', `--role: one of ${ACCOUNT_ROLES.join(', ')}.`);
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
  const { db } = await openDatabaseForCommand(values, { create: action === 'add' });
  try {
    if (action === 'list') {
      const accounts = listAccounts(db);
      if (accounts.length === 0)
        console.log('no accounts yet: the first desk to open creates the administrator');
      for (const a of accounts) console.log(`${a.name}\t${a.role}${a.locked ? '\tLOCKED' : ''}`);
      return 0;
    }
    if (action === 'add') {
      const first = countAccounts(db) === 0;
      if (first && role !== 'administrator')
        throw new ContractError('invalid_request', 'The first account must be an administrator.');
      // The first administrator is created by whoever installs the console; after that, only an administrator.
      const actor = first ? by : await authenticateActor(db, by, ['administrator'], 'add an account');
      const added = createAccount(
        db,
        { name, role: role as AccountRole, passwordHash: hashPassword(password) },
        actor,
        Date.now(),
      );
      console.log(`added ${added.name} (${added.role})`);
      return 0;
    }
    const actor = await authenticateActor(db, by, ['supervisor', 'administrator'], 'release an account');
    const released = updateAccount(db, name, { lockedAtMs: null }, actor, Date.now());
    console.log(`released ${released.name}`);
    return 0;
  } finally {
    db.close();
  }
}
