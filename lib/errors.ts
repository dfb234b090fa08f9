// One application error type. Its code selects the HTTP status and the translated message shown to
// users; internal details stay in `cause` and in the logs.

export const errorStatus = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_FILE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldIssue {
  field: string;
  // Message key under `errors.` in messages/*.json, with its values.
  message: string;
  values?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  // Message key under `errors.` in messages/*.json.
  readonly messageKey: string;
  readonly values: Record<string, string | number>;
  readonly fields: FieldIssue[];

  constructor(
    code: ErrorCode,
    messageKey: string,
    options: {
      values?: Record<string, string | number>;
      fields?: FieldIssue[];
      cause?: unknown;
    } = {},
  ) {
    super(`${code}: ${messageKey}`, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.messageKey = messageKey;
    this.values = options.values ?? {};
    this.fields = options.fields ?? [];
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
