// What a command says when its arguments do not parse. Node's parseArgs messages are written for
// programmers ("Unknown option '…'. To specify a positional argument starting with a '-', place
// it at the end of the command after '--', as in '-- "…"'): long, with a quote that reads as
// unbalanced. We name the option and the rule in our own words and point at the command's help.
import { ContractError } from '../../../shared/errors';

export function optionError(command: string, error: unknown): ContractError {
  const code = (error as { code?: unknown }).code;
  const message = (error as Error).message ?? '';
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
  const help = `See lifeline ${command} --help for its options.`;
  let what: string;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) what = `${command} has no option ${option}.`;
  else if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option)
    what = /does not take an argument/.test(message)
      ? `${option} takes no value.`
      : `${option} needs a value.`;
  else if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    what = `${command} takes no argument ${/'([^']*)'/.exec(message)?.[1] ?? ''}`.trimEnd() + '.';
  else what = `${command}: the arguments could not be read.`;
  return new ContractError('invalid_request', `${what} ${help}`);
}
