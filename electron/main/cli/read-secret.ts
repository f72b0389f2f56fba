// A secret for a command (a passphrase, a password): from an environment variable, else typed on the
// terminal without echo, else read from stdin. Never from the command line, which shell history and
// the process list keep.
import { ContractError } from '../../../shared/errors';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** One line typed on the terminal, not echoed. */
function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let typed = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (data: string) => {
      for (const ch of data) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new ContractError('invalid_request', 'cancelled.'));
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

export async function readSecret(options: {
  envName: string;
  prompt: string;
  confirm: boolean;
  check?: (secret: string) => void;
  what: string;
}): Promise<string> {
  const fromEnv = process.env[options.envName];
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) {
    const first = await askHidden(options.prompt);
    if (options.confirm) {
      options.check?.(first);
      if ((await askHidden('Again: ')) !== first)
        throw new ContractError('invalid_request', `The two ${options.what}s differ; nothing was written.`);
    }
    return first;
  }
  const text = (await readAll(process.stdin)).replace(/\r?\n$/, '');
  if (!text) {
    throw new ContractError(
      'invalid_request',
      `No ${options.what}: set ${options.envName} or give it on stdin (never as an argument).`,
    );
  }
  return text;
}
