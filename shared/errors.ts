// Errors cross process boundaries as plain data with a kind (never as a class instance).
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
  message: string;
  /** The field that broke a rule, when there is one. */
  field?: string;
}

export class ContractError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ContractError';
  }

  toData(): ContractErrorData {
    return this.field === undefined
      ? { kind: this.kind, message: this.message }
      : { kind: this.kind, message: this.message, field: this.field };
  }
}

export function toErrorData(error: unknown): ContractErrorData {
  if (error instanceof ContractError) return error.toData();
  // Anything else is an internal fault; its message may contain data, so it is not passed on.
  return { kind: 'internal', message: 'Internal error (see the host log).' };
}
