/**
 * The failures the HTTP layer adds to Rookery's own: they happen before a
 * scope exists or a service is called, so core has no code for them. Each is
 * shaped like a `RookeryError` (a `code`, a `message` a person can act on),
 * so handlers and `toProblem` treat both alike.
 */
export const HTTP_ERROR_CODES = {
  /** The identity callback answered null: nobody is signed in. */
  UNAUTHENTICATED: { httpStatus: 401 },
  /** The body is larger than the route accepts. */
  BODY_TOO_LARGE: { httpStatus: 413 },
  /** The body is not JSON (by its Content-Type) where JSON is expected. */
  UNSUPPORTED_MEDIA_TYPE: { httpStatus: 415 },
} as const;

/** The codes of the HTTP layer's own problems, beside Rookery's. */
export type HttpErrorCode = keyof typeof HTTP_ERROR_CODES;

/** Nobody is signed in: the identity callback answered null (HTTP 401). */
export interface UnauthenticatedError {
  readonly code: "UNAUTHENTICATED";
  readonly message: string;
}
/** The body is larger than `maxBytes` (HTTP 413). */
export interface BodyTooLargeError {
  readonly code: "BODY_TOO_LARGE";
  readonly message: string;
  /** The largest body the route accepts, in bytes. */
  readonly maxBytes: number;
}
/** The body is not JSON by its `Content-Type` (HTTP 415). */
export interface UnsupportedMediaTypeError {
  readonly code: "UNSUPPORTED_MEDIA_TYPE";
  readonly message: string;
}

/** A failure of the HTTP layer itself; discriminate on `code`. */
export type HttpError = UnauthenticatedError | BodyTooLargeError | UnsupportedMediaTypeError;

/** Builders for the HTTP layer's errors, worded once. */
export const HttpErrors = {
  unauthenticated: (
    message = "Sign in first: this request carries no authenticated user.",
  ): UnauthenticatedError => ({ code: "UNAUTHENTICATED", message }),
  bodyTooLarge: (maxBytes: number): BodyTooLargeError => ({
    code: "BODY_TOO_LARGE",
    message: `The body is larger than the ${maxBytes} bytes this route accepts.`,
    maxBytes,
  }),
  unsupportedMediaType: (
    message = "Send the body as JSON, with Content-Type: application/json.",
  ): UnsupportedMediaTypeError => ({ code: "UNSUPPORTED_MEDIA_TYPE", message }),
} as const;
