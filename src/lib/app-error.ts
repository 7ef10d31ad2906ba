// The one error type domain code throws. Each code has a translated message under
// `errors.<CODE>` in every locale; the tRPC layer maps it to an HTTP status once.
export const APP_ERROR_STATUS = {
  BAD_INPUT: 400,
  UNAUTHORIZED: 401,
  INVALID_KEY: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ALREADY_EXISTS: 409,
  ALREADY_VOTED: 409,
  ALREADY_SIGNED: 409,
  CAMPAIGN_CLOSED: 409,
  PHASE_CLOSED: 409,
  PETITION_CLOSED: 409,
  OWN_PETITION: 403,
  ALREADY_SPONSORED: 409,
  NOT_SIGNED: 409,
  NOT_VERIFIED: 403,
  CODE_INVALID: 400,
  CODE_EXPIRED: 400,
  CODE_USED: 409,
  BALLOT_TOO_LONG: 400,
  BALLOT_REPEATED: 400,
  BALLOT_UNKNOWN_DEMAND: 400,
  WEAK_PASSWORD: 400,
  PII_DETECTED: 400,
  EDIT_WINDOW_CLOSED: 409,
  UNKNOWN_PLATFORM: 400,
  FUTURE_MONTH: 400,
  DUE_DATE_REQUIRED: 400,
  DUE_DATE_PAST: 400,
  NOT_A_COMMITMENT: 409,
  ANSWER_SUPERSEDED: 409,
  VERDICT_NOT_YET: 409,
  OUT_OF_SCOPE: 403,
  CAMPAIGN_NOT_CLOSED: 409,
  CAMPAIGN_FROZEN: 409,
  CAMPAIGN_DATE_PAST: 400,
  CAMPAIGN_DATE_ORDER: 400,
  CHANGELOG_REQUIRED: 400,
  PAYLOAD_TOO_LARGE: 413,
  POW_INVALID: 400,
  POW_EXPIRED: 400,
  POW_USED: 409,
  PETITION_FROZEN: 409,
  TOKEN_INVALID: 400,
  TOKEN_WRONG_CAMPAIGN: 400,
  TOKEN_SPENT: 409,
  TOKEN_ALREADY_ISSUED: 409,
  TOKEN_REQUIRED: 403,
  TOKEN_NOT_NEEDED: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export class AppError extends Error {
  readonly code: AppErrorCode;
  constructor(code: AppErrorCode, message?: string) {
    super(message ?? code);
    this.name = "AppError";
    this.code = code;
  }
}

export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === "string" && value in APP_ERROR_STATUS;
}
