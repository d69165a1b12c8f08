import { GraphError } from './errors';
import type { Handler } from './context';
import { permissionRuleFor } from './permissions/check';
import type { PermissionRule } from './permissions/table';

interface Route {
  readonly method: string;
  readonly parts: ReadonlyArray<{ literal: string } | { param: string }>;
  readonly handler: Handler;
  readonly permissions: PermissionRule;
}

/** A route found for a request, with its captured params. */
export interface Match {
  readonly handler: Handler;
  readonly params: Record<string, string>;
  /** What Graph requires to call it (from the permission table). */
  readonly permissions: PermissionRule;
}

/**
 * A tiny router over already-split path segments. Literal segments compare case-insensitively
 * because Graph's do (`/Me/Messages` works); `:name` captures one segment. Each route carries
 * the permissions Graph documents for it (`permissions/table.ts`).
 */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    const parts = pattern
      .split('/')
      .filter(Boolean)
      .map((p) => (p.startsWith(':') ? { param: p.slice(1) } : { literal: p.toLowerCase() }));
    // Looked up once, here: a route with no documented permission fails the sandbox's start.
    this.routes.push({ method, parts, handler, permissions: permissionRuleFor(method, pattern) });
    return this;
  }

  get(pattern: string, handler: Handler): this {
    return this.add('GET', pattern, handler);
  }
  post(pattern: string, handler: Handler): this {
    return this.add('POST', pattern, handler);
  }
  patch(pattern: string, handler: Handler): this {
    return this.add('PATCH', pattern, handler);
  }
  delete(pattern: string, handler: Handler): this {
    return this.add('DELETE', pattern, handler);
  }

  /** The handler for `method` on `segments`; a Graph 400/405 when nothing matches. */
  match(method: string, segments: readonly string[]): Match {
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchParts(route, segments);
      if (!params) continue;
      pathMatched = true;
      if (route.method === method) return { handler: route.handler, params, permissions: route.permissions };
    }
    if (pathMatched)
      throw new GraphError(405, 'Request_BadRequest', `The HTTP method '${method}' is not allowed for this resource.`);
    const last = segments[segments.length - 1] ?? '';
    throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${last}'.`);
  }
}

function matchParts(route: Route, segments: readonly string[]): Record<string, string> | undefined {
  if (route.parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const part = route.parts[i];
    const seg = segments[i] ?? '';
    if (!part) return undefined;
    if ('literal' in part) {
      if (part.literal !== seg.toLowerCase()) return undefined;
    } else {
      params[part.param] = seg;
    }
  }
  return params;
}
