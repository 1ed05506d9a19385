/**
 * The stable error codes every client (web UI, CLI, scripts) can rely on. Messages name the field
 * and the problem, never the contents of a record: that is where ePHI would leak.
 */
export const errorCodes = {
  validation_failed: 400,
  unauthenticated: 401,
  mfa_required: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 423,
  rate_limited: 429,
  internal: 500,
  /** The server lacks configuration the request needs (for example evidence encryption keys). */
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof errorCodes;

export interface FieldError {
  /** Dot-joined path of the field in the request body, query or params. */
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = "AppError";
  }
  get status(): number {
    return errorCodes[this.code];
  }
}

/** "Not found or no access": the same answer whether a record is absent or in another organization. */
export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
