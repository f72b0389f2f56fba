// Errors cross process boundaries as plain data with a kind (never as a class instance), and a code
// with parameters (shared/error-codes.ts) that each side words in its own language (error-text.ts).
import { isErrorCode, type ErrorCode, type ErrorParams, type ErrorParamValue } from './error-codes';
import { formatError } from './error-text';

export const ERROR_KINDS = [
  'invalid_request',
  'not_found',
  'conflict',
  'unavailable',
  'forbidden',
  'internal',
  /** The host refused this request for now (too many at once); the same request may be retried. */
  'busy',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface ContractErrorData {
  kind: ErrorKind;
  /** The English sentence, for logs and the CLI; a desk words `code` + `params` instead. */
  message: string;
  /** The field that broke a rule, when there is one. */
  field?: string;
  /** Optional on the wire only so an older host's answer still parses; ContractError always sets it. */
  code?: string;
  params?: Record<string, ErrorParamValue>;
}

/** A code with exactly its parameters: the only way a desk-reachable error is made. */
export interface CodedMessage {
  code: ErrorCode;
  params: Record<string, ErrorParamValue>;
}
export const coded = <C extends ErrorCode>(code: C, params: ErrorParams<C>): CodedMessage => ({
  code,
  params,
});

export class ContractError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, ErrorParamValue>;

  /**
   * `message` is a CodedMessage (see `coded`); a plain string is kept only for host-side errors that
   * no desk sees (startup, keys, config: tests/unit/error-codes-used.test.ts lists where).
   */
  constructor(
    readonly kind: ErrorKind,
    message: string | CodedMessage,
    readonly field?: string,
  ) {
    const { code, params } = typeof message === 'string' ? coded('host.message', { message }) : message;
    super(formatError('en', code, params));
    this.name = 'ContractError';
    this.code = code;
    this.params = params;
  }

  /** The error again from its data (from a worker thread or the wire), code and parameters kept. */
  static fromData(data: ContractErrorData): ContractError {
    const message =
      data.code !== undefined && isErrorCode(data.code)
        ? { code: data.code, params: data.params ?? {} }
        : data.message;
    return new ContractError(data.kind, message, data.field);
  }

  toData(): ContractErrorData {
    const data: ContractErrorData = {
      kind: this.kind,
      message: this.message,
      code: this.code,
      params: this.params,
    };
    return this.field === undefined ? data : { ...data, field: this.field };
  }
}

export function toErrorData(error: unknown): ContractErrorData {
  if (error instanceof ContractError) return error.toData();
  // Anything else is an internal fault; its message may contain data, so it is not passed on.
  return new ContractError('internal', coded('host.internal', {})).toData();
}
