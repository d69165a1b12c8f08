import { badRequest, GraphError } from '../errors';
import { compileFilter, FilterSyntaxError, getProp } from './filter';
import { hasProperty, type GraphType } from './properties';

/** How a collection endpoint pages: Outlook uses `$skip`, directory and Teams an opaque `$skiptoken`. */
export type PagingStyle = 'skip' | 'skiptoken';

/** Paging limits of one endpoint, as Graph documents them. */
export interface PageRules {
  readonly defaultTop: number;
  readonly maxTop: number;
  readonly style: PagingStyle;
}

export const OUTLOOK_PAGING: PageRules = { defaultTop: 10, maxTop: 1000, style: 'skip' };
export const DIRECTORY_PAGING: PageRules = { defaultTop: 100, maxTop: 999, style: 'skiptoken' };
export const TEAMS_PAGING: PageRules = { defaultTop: 20, maxTop: 50, style: 'skiptoken' };

/** Apply `$filter`, answering 400 with the endpoint's error code when it cannot be read. */
export function applyFilter<T>(items: T[], filter: string | null, errorCode = 'BadRequest'): T[] {
  if (!filter) return items;
  try {
    const predicate = compileFilter(filter);
    return items.filter(predicate);
  } catch (e) {
    if (e instanceof FilterSyntaxError) throw badRequest(`Invalid filter clause: ${e.message}`, errorCode);
    throw e;
  }
}

/** Apply `$orderby=a/b desc, c` (stable; case-insensitive for strings). */
export function applyOrderBy<T>(items: T[], orderby: string | null): T[] {
  if (!orderby) return items;
  const keys = orderby.split(',').map((part) => {
    const [path = '', dir = 'asc'] = part.trim().split(/\s+/);
    if (!/^(asc|desc)$/i.test(dir)) throw badRequest(`Invalid $orderby '${orderby}'.`);
    return { segments: path.split('/'), sign: dir.toLowerCase() === 'desc' ? -1 : 1 };
  });
  const value = (item: T, segments: string[]): unknown => segments.reduce<unknown>((o, s) => getProp(o, s), item);
  return [...items].sort((a, b) => {
    for (const k of keys) {
      let x = value(a, k.segments);
      let y = value(b, k.segments);
      if (typeof x === 'string') x = x.toLowerCase();
      if (typeof y === 'string') y = y.toLowerCase();
      if (x === y) continue;
      if (x === undefined || x === null) return k.sign;
      if (y === undefined || y === null) return -k.sign;
      return (x as string) < (y as string) ? -k.sign : k.sign;
    }
    return 0;
  });
}

/** The names a `$select` asks for, lower-cased. */
function selected(select: string): string[] {
  return select
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * Refuse a `$select` naming a property Graph's v1.0 `type` does not have (400), as Graph does:
 * checked against the type, not the items, so an empty page is refused too and a property this
 * item happens to lack is fine. Instance annotations (`@microsoft.graph.downloadUrl`) may be named.
 * A collection of several types (a group's members: users and groups) accepts any of theirs.
 */
export function checkSelect(select: string | null, type: GraphType | readonly GraphType[]): void {
  if (!select) return;
  const types: readonly GraphType[] = typeof type === 'string' ? [type] : type;
  const unknown = selected(select).find((name) => !name.startsWith('@') && !types.some((t) => hasProperty(t, name)));
  if (unknown !== undefined)
    throw badRequest(`Could not find a property named '${unknown}' on type 'microsoft.graph.${types[0] ?? 'entity'}'.`);
}

/** Keep only `$select`ed properties (plus the ones Graph always returns for this type), after {@link checkSelect}. */
export function applySelect(
  item: Record<string, unknown>,
  select: string | null,
  type: GraphType | readonly GraphType[],
  always: readonly string[] = [],
): Record<string, unknown> {
  if (!select) return item;
  checkSelect(select, type);
  const wanted = new Set([...selected(select), ...always.map((a) => a.toLowerCase())]);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (wanted.has(k.toLowerCase()) || k.startsWith('@odata')) out[k] = v;
  return out;
}

function parseCount(raw: string | null, name: string): number | undefined {
  if (raw === null) return undefined;
  if (!/^\d+$/.test(raw)) throw badRequest(`Invalid value '${raw}' for ${name}.`);
  return Number(raw);
}

/** The requested page: `$top` bounded by the endpoint's maximum, the offset from `$skip` or `$skiptoken`. */
export function pageWindow(query: URLSearchParams, rules: PageRules): { top: number; offset: number } {
  const top = parseCount(query.get('$top'), '$top') ?? rules.defaultTop;
  if (top < 1 || top > rules.maxTop) {
    throw new GraphError(
      400,
      rules.style === 'skip' ? 'ErrorInvalidUrlQuery' : 'BadRequest',
      `The value of $top must be between 1 and ${rules.maxTop}.`,
    );
  }
  const token = query.get('$skiptoken');
  let offset = parseCount(query.get('$skip'), '$skip') ?? 0;
  if (token) {
    const decoded = Number(
      Buffer.from(token, 'base64url')
        .toString('utf8')
        .replace(/^offset:/, ''),
    );
    if (!Number.isInteger(decoded) || decoded < 0) throw badRequest('The $skiptoken is not valid.');
    offset = decoded;
  }
  return { top, offset };
}

/**
 * Build an OData collection response for one page of `items`, with an `@odata.nextLink` that
 * repeats the request's query (so filters and selects survive paging) at the next offset.
 */
export function collection(
  items: Array<Record<string, unknown>>,
  opts: { requestUrl: URL; context: string; query: URLSearchParams; rules: PageRules; count?: boolean },
): Record<string, unknown> {
  const { top, offset } = pageWindow(opts.query, opts.rules);
  const page = items.slice(offset, offset + top);
  const body: Record<string, unknown> = { '@odata.context': opts.context };
  if (opts.count) body['@odata.count'] = items.length;
  if (offset + top < items.length) {
    const next = new URL(opts.requestUrl.toString());
    next.searchParams.set('$top', String(top));
    if (opts.rules.style === 'skip') {
      next.searchParams.set('$skip', String(offset + top));
    } else {
      next.searchParams.delete('$skip');
      next.searchParams.set('$skiptoken', Buffer.from(`offset:${offset + top}`).toString('base64url'));
    }
    body['@odata.nextLink'] = next.toString().replace(/\+/g, '%20').replace(/%24/g, '$');
  }
  body.value = page;
  return body;
}
