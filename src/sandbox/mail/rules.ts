import { badRequest, GraphError } from '../errors';

/**
 * Exchange's query restrictions for messages, enforced so that code passing against the sandbox
 * does not fail against Graph: `$search` cannot be combined with `$filter` or `$orderby`, and
 * with `$filter` + `$orderby` the ordered properties must lead the filter, in the same order.
 */
export function checkMessageQuery(query: URLSearchParams): void {
  const search = query.get('$search');
  const filter = query.get('$filter');
  const orderby = query.get('$orderby');
  if (search !== null && filter !== null)
    throw badRequest("The query parameter '$filter' is invalid when used with '$search'.", 'ErrorInvalidUrlQuery');
  if (search !== null && orderby !== null)
    throw badRequest("The query parameter '$orderby' is invalid when used with '$search'.", 'ErrorInvalidUrlQuery');
  if (filter === null || orderby === null) return;
  const ordered = orderby.split(',').map((p) => (p.trim().split(/\s+/)[0] ?? '').toLowerCase());
  const filtered = filterProperties(filter);
  if (ordered.some((p, i) => filtered[i] !== p)) {
    throw new GraphError(400, 'InefficientFilter', 'The restriction or sort order is too complex for this operation.');
  }
}

/** Property paths in order of first appearance in a filter expression (string literals skipped). */
function filterProperties(filter: string): string[] {
  const withoutStrings = filter.replace(/'(?:[^']|'')*'/g, "''");
  const out: string[] = [];
  for (const m of withoutStrings.matchAll(/[A-Za-z_][\w/]*(?=\s+(?:eq|ne|gt|ge|lt|le)\b)/g)) {
    const p = m[0].toLowerCase();
    if (!out.includes(p)) out.push(p);
  }
  return out;
}
