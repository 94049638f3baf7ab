/**
 * Server errors with MongoDB's own codes, so drivers and Mongoose react to them as they do to
 * a real server (retry on TransientTransactionError, read `keyPattern` on 11000, ...).
 */
export const ErrorCodes = {
  InternalError: 1,
  BadValue: 2,
  FailedToParse: 9,
  TypeMismatch: 14,
  InvalidLength: 16,
  IllegalOperation: 20,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  PathNotViable: 28,
  ConflictingUpdateOperators: 40,
  CursorNotFound: 43,
  NamespaceExists: 48,
  CommandNotFound: 59,
  ImmutableField: 66,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  WriteConflict: 112,
  NoSuchTransaction: 251,
  TransactionCommitted: 256,
  OperationNotSupportedInTransaction: 263,
  BSONObjectTooLarge: 10334,
  DuplicateKey: 11000,
  Location40324: 40324,
  /** An unknown time zone in a date expression. */
  Location40485: 40485,
} as const;

export type ErrorCodeName = keyof typeof ErrorCodes;

export class MongoError extends Error {
  readonly code: number;
  readonly codeName: string;
  readonly errorLabels: string[];
  /** Extra reply fields, e.g. `keyPattern` and `keyValue` for duplicate keys. */
  readonly extra: Record<string, unknown>;

  constructor(
    codeName: ErrorCodeName,
    message: string,
    options: { labels?: string[]; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.codeName = codeName === 'Location40324' ? 'Location40324' : codeName;
    this.code = ErrorCodes[codeName];
    this.errorLabels = options.labels ?? [];
    this.extra = options.extra ?? {};
  }

  /** The `{ ok: 0, ... }` command reply. */
  toReply(): Record<string, unknown> {
    const reply: Record<string, unknown> = {
      ok: 0,
      errmsg: this.message,
      code: this.code,
      codeName: this.codeName,
      ...this.extra,
    };
    if (this.errorLabels.length > 0) reply.errorLabels = this.errorLabels;
    return reply;
  }

  /** The shape of one entry in a write command's `writeErrors`. */
  toWriteError(index: number): Record<string, unknown> {
    return { index, code: this.code, codeName: this.codeName, errmsg: this.message, ...this.extra };
  }
}

export const TRANSIENT_TRANSACTION_ERROR = 'TransientTransactionError';

export function writeConflict(): MongoError {
  return new MongoError(
    'WriteConflict',
    'Write conflict during plan execution and yielding is disabled. :: Please retry your operation or multi-document transaction.',
    { labels: [TRANSIENT_TRANSACTION_ERROR] },
  );
}

export function badValue(message: string): MongoError {
  return new MongoError('BadValue', message);
}

export function typeMismatch(field: string, expected: string): MongoError {
  return new MongoError(
    'TypeMismatch',
    `BSON field '${field}' is the wrong type, expected ${expected}`,
  );
}
