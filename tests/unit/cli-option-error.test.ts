import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { optionError } from '../../electron/main/cli/option-error';

const failure = (args: string[], allowPositionals = true) => {
  try {
    parseArgs({
      args,
      options: { by: { type: 'string' }, json: { type: 'boolean' } },
      strict: true,
      allowPositionals,
    });
  } catch (error) {
    return optionError('status', error).message;
  }
  throw new Error('parsed');
};

describe("the CLI's own message for arguments that do not parse", () => {
  it("names the unknown option and points at the command's help, without Node's quoting", () => {
    expect(failure(['--bogus'])).toBe(
      'status has no option --bogus. See lifeline status --help for its options.',
    );
    expect(failure(['--by'])).toBe('--by needs a value. See lifeline status --help for its options.');
    expect(failure(['--json=yes'])).toBe(
      '--json takes no value. See lifeline status --help for its options.',
    );
    expect(failure(['extra'], false)).toBe(
      'status takes no argument extra. See lifeline status --help for its options.',
    );
  });
});
