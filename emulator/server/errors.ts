/**
 * Google's error bodies: the JSON API v1 error format used by Gmail, and the OAuth 2.0
 * (RFC 6749 §5.2) shape used by the token endpoints.
 */

export interface GoogleErrorItem {
  message: string;
  domain?: string;
  reason: string;
  location?: string;
  locationType?: string;
}

export interface GoogleErrorBody {
  error: {
    code: number;
    message: string;
    errors?: GoogleErrorItem[];
    status: string;
    details?: unknown[];
  };
}

/** An error that maps to one HTTP response with Google's JSON error body. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: GoogleErrorBody;
  readonly headers: Record<string, string>;

  constructor(status: number, body: GoogleErrorBody, headers: Record<string, string> = {}) {
    super(body.error.message);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  413: 'OUT_OF_RANGE',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

/** The Cloud project number Google names in quota and API-disabled errors. */
export const PROJECT_NUMBER = '1000000000001';

export function apiError(
  code: number,
  message: string,
  opts: {
    reason?: string;
    domain?: string;
    itemMessage?: string;
    status?: string;
    location?: string;
    locationType?: string;
    details?: unknown[];
    noErrors?: boolean;
    headers?: Record<string, string>;
  } = {},
): ApiError {
  const item: GoogleErrorItem = {
    message: opts.itemMessage ?? message,
    domain: opts.domain ?? 'global',
    reason: opts.reason ?? 'badRequest',
  };
  if (opts.location) item.location = opts.location;
  if (opts.locationType) item.locationType = opts.locationType;
  const body: GoogleErrorBody = {
    error: {
      code,
      message,
      ...(opts.noErrors ? {} : { errors: [item] }),
      status: opts.status ?? STATUS_NAMES[code] ?? 'UNKNOWN',
      ...(opts.details ? { details: opts.details } : {}),
    },
  };
  return new ApiError(code, body, opts.headers);
}

const REALM = 'Bearer realm="https://accounts.google.com/"';

export const errors = {
  invalidId: () => apiError(400, 'Invalid id value', { reason: 'invalidArgument' }),
  notFound: () => apiError(404, 'Requested entity was not found.', { reason: 'notFound' }),
  methodNotFound: (path: string) => apiError(404, `Method not found: ${path}`, { reason: 'notFound', itemMessage: 'Method not found.' }),
  missingParam: (name: string) => apiError(400, `Required parameter: ${name}`, { reason: 'required', location: name, locationType: 'parameter' }),
  invalidPageToken: () => apiError(400, 'Invalid pageToken', { reason: 'invalidArgument' }),
  invalidLabel: (label: string) => apiError(400, `Invalid label: ${label}`, { reason: 'invalidArgument' }),
  unknownParam: (name: string) => {
    const msg = `Invalid JSON payload received. Unknown name "${name}": Cannot bind query parameter. Field '${name}' could not be found in request message.`;
    return apiError(400, msg, {
      reason: 'invalid',
      details: [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ description: msg }] }],
    });
  },
  invalidValue: (field: string, type: string, value: string) => {
    const msg = `Invalid value at '${field}' (${type}), "${value}"`;
    return apiError(400, msg, {
      reason: 'invalid',
      details: [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ field, description: msg }] }],
    });
  },
  invalidJson: (detail: string) => {
    const msg = `Invalid JSON payload received. ${detail}`;
    return apiError(400, msg, {
      reason: 'parseError',
      details: [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ description: msg }] }],
    });
  },
  invalidFieldSelection: (sel: string) =>
    apiError(400, `Invalid field selection ${sel}`, { reason: 'invalidParameter', location: 'fields', locationType: 'parameter' }),
  loginRequired: () =>
    apiError(
      401,
      'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
      {
        reason: 'required',
        itemMessage: 'Login Required.',
        location: 'Authorization',
        locationType: 'header',
        headers: { 'WWW-Authenticate': REALM },
      },
    ),
  invalidCredentials: () =>
    apiError(
      401,
      'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
      {
        reason: 'authError',
        itemMessage: 'Invalid Credentials',
        location: 'Authorization',
        locationType: 'header',
        headers: { 'WWW-Authenticate': `${REALM}, error="invalid_token"` },
      },
    ),
  insufficientScope: (method: string, acceptable: string[]) =>
    apiError(403, 'Request had insufficient authentication scopes.', {
      reason: 'insufficientPermissions',
      itemMessage: 'Insufficient Permission',
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
          domain: 'googleapis.com',
          metadata: { service: 'gmail.googleapis.com', method },
        },
      ],
      headers: { 'WWW-Authenticate': `${REALM}, error="insufficient_scope", scope="${acceptable.join(' ')}"` },
    }),
  forbidden: (message: string) => apiError(403, message, { reason: 'forbidden' }),
  delegationDenied: (user: string) => apiError(403, `Delegation denied for ${user}`, { reason: 'forbidden' }),
  rateLimited: (message = 'Too many concurrent requests for user') =>
    apiError(429, message, {
      reason: 'rateLimitExceeded',
      domain: 'usageLimits',
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'RATE_LIMIT_EXCEEDED',
          domain: 'googleapis.com',
          metadata: { service: 'gmail.googleapis.com', quota_limit: 'UserRateLimitPerSecond' },
        },
      ],
    }),
  /** Google's refusal for each quota reason, in its 429 (RESOURCE_EXHAUSTED) or 403 (PERMISSION_DENIED) form. */
  quotaRefusal: (reason: 'rate' | 'project' | 'daily' | 'disabled', status: 429 | 403) => {
    if (reason === 'disabled') {
      return apiError(
        403,
        `Gmail API has not been used in project ${PROJECT_NUMBER} before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/gmail.googleapis.com/overview?project=${PROJECT_NUMBER} then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.`,
        {
          reason: 'accessNotConfigured',
          domain: 'usageLimits',
          status: 'PERMISSION_DENIED',
          details: [
            {
              '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
              reason: 'SERVICE_DISABLED',
              domain: 'googleapis.com',
              metadata: { service: 'gmail.googleapis.com', consumer: `projects/${PROJECT_NUMBER}` },
            },
          ],
        },
      );
    }
    if (reason === 'daily') {
      return apiError(403, 'Daily Limit Exceeded', { reason: 'dailyLimitExceeded', domain: 'usageLimits', status: 'PERMISSION_DENIED' });
    }
    // Google states both regimes' per-user limit per minute (250/s is 15,000/min).
    const limit = reason === 'project' ? 'Queries per minute' : 'Queries per minute per user';
    const message =
      `Quota exceeded for quota metric 'Queries' and limit '${limit}' of service 'gmail.googleapis.com' ` + `for consumer 'project_number:${PROJECT_NUMBER}'.`;
    const itemReason = reason === 'project' ? 'rateLimitExceeded' : 'userRateLimitExceeded';
    if (status === 403) {
      return apiError(403, reason === 'project' ? 'Rate Limit Exceeded' : 'User Rate Limit Exceeded', {
        reason: itemReason,
        domain: 'usageLimits',
        status: 'PERMISSION_DENIED',
      });
    }
    return apiError(429, message, {
      reason: itemReason,
      domain: 'usageLimits',
      status: 'RESOURCE_EXHAUSTED',
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'RATE_LIMIT_EXCEEDED',
          domain: 'googleapis.com',
          metadata: {
            service: 'gmail.googleapis.com',
            quota_metric: 'gmail.googleapis.com/default',
            quota_limit: reason === 'project' ? 'DefaultPerMinutePerProject' : 'DefaultPerMinutePerUser',
            consumer: `projects/${PROJECT_NUMBER}`,
          },
        },
      ],
    });
  },
  backendError: () => apiError(500, 'Internal error encountered.', { reason: 'backendError', itemMessage: 'Backend Error' }),
  unavailable: () => apiError(503, 'The service is currently unavailable.', { reason: 'backendError' }),
  badRequest: (message: string) => apiError(400, message, { reason: 'badRequest' }),
  payloadTooLarge: () => apiError(413, 'Request payload size exceeds the limit.', { reason: 'badRequest', status: 'INVALID_ARGUMENT' }),
};

/** RFC 6749 §5.2 body used by /token, /revoke and /tokeninfo. */
export interface OAuthErrorBody {
  error: string;
  error_description?: string;
}

export class OAuthError extends Error {
  readonly status: number;
  readonly body: OAuthErrorBody;
  constructor(status: number, error: string, description?: string) {
    super(description ?? error);
    this.status = status;
    this.body = description === undefined ? { error } : { error, error_description: description };
  }
}

export function oauthError(status: number, error: string, description?: string): OAuthError {
  return new OAuthError(status, error, description);
}
