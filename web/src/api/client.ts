/**
 * The one way the web UI talks to the API: same-origin JSON with the session cookie, the CSRF token
 * on every state-changing request, and one error type carrying the server's stable code and the
 * problems per field.
 */
import type { ErrorCode } from "../../../src/server/errors.ts";

/** A problem with one field, as the API reports it (`body.access.idleLogoffMinutes`). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Any failed request: an error answer from the API, or no answer at all (`network`). */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | "network",
    message: string,
    readonly status: number,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

let csrfToken: string | null = null;
/** Remembers the session's CSRF token; every later POST, PUT and DELETE echoes it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type UnauthenticatedListener = (path: string) => void;
let onUnauthenticated: UnauthenticatedListener = () => undefined;
/**
 * Called when a request meant for a signed-in user answers 401: the session ended (idle logoff,
 * or signed out elsewhere), and the shell sends the user to the sign-in page.
 */
export function setUnauthenticatedListener(listener: UnauthenticatedListener): void {
  onUnauthenticated = listener;
}

interface ErrorBody {
  error?: { code?: ErrorCode; message?: string; fields?: FieldProblem[] };
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // Not JSON (a proxy's error page, say): fall back to the status below.
  }
  const error = body.error;
  return new ApiError(
    error?.code ?? "internal",
    error?.message ?? `the server answered ${response.status}`,
    response.status,
    error?.fields ?? [],
  );
}

export interface RequestOptions {
  body?: unknown;
  /** Routes that answer 401 as part of their normal flow (sign-in, the first session probe). */
  expectUnauthenticated?: boolean;
}

/** Sends one request and returns the parsed JSON (or null for 204). Throws ApiError. */
export async function request<T>(
  method: "GET" | "POST" | "PUT" | "DELETE",
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
  } catch {
    throw new ApiError("network", "The server could not be reached. Check your connection and try again.", 0);
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401 && !options.expectUnauthenticated) onUnauthenticated(path);
    throw error;
  }
  if (response.status === 204) return null as T;
  return (await response.json()) as T;
}

/**
 * Sends a multipart form (a file upload) with the CSRF token; the browser sets the content type
 * and its boundary. Errors come back as ApiError like every other request.
 */
export async function sendForm<T>(path: string, form: FormData): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method: "POST", headers, credentials: "same-origin", body: form });
  } catch {
    throw new ApiError("network", "The server could not be reached. Check your connection and try again.", 0);
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401) onUnauthenticated(path);
    throw error;
  }
  return (await response.json()) as T;
}

/** Where a field problem points inside the submitted document: `body.a.b` and `a.b` both give `a.b`. */
export function fieldPath(problem: FieldProblem): string {
  return problem.field.replace(/^body\./, "");
}
