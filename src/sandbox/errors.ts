/**
 * Graph-style failures. Handlers throw a GraphError; the pipeline turns it into Graph's error
 * body `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`.
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

/** The JSON body Graph sends with an error status. */
export function graphErrorBody(
  code: string,
  message: string,
  ids: { requestId: string; clientRequestId: string; date: Date },
): object {
  return {
    error: {
      code,
      message,
      innerError: {
        date: ids.date.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId,
      },
    },
  };
}

export const badRequest = (message: string, code = 'BadRequest'): GraphError => new GraphError(400, code, message);

export const notFound = (message: string, code = 'ResourceNotFound'): GraphError => new GraphError(404, code, message);

/** Exchange's answer when a mailbox item id does not exist (or is not the caller's). */
export const itemNotFound = (): GraphError =>
  new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');

export const accessDenied = (): GraphError =>
  new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');

export const forbidden = (message: string): GraphError => new GraphError(403, 'Forbidden', message);

/** The property a request body needs, or a 400 naming it. */
export function requireField<T>(value: T | undefined | null, name: string): T {
  if (value === undefined || value === null || value === '') {
    throw badRequest(`Missing or invalid property '${name}' in the request body.`, 'ErrorInvalidRequest');
  }
  return value;
}
