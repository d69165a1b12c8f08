import { badRequest } from '../errors';
import type { MailMessage } from '../model';
import { compileFilter, FilterSyntaxError } from '../odata/filter';
import { applySelect } from '../odata/query';

/**
 * Read `$expand=singleValueExtendedProperties($filter=id eq '…')` into a filter over a message's
 * extended properties. Graph returns extended properties only when expanded, and only those
 * matching the filter.
 */
export function readExpand(expand: string | null): ((p: unknown) => boolean) | undefined {
  if (!expand) return undefined;
  const m = /^\s*singleValueExtendedProperties\s*(?:\(\s*\$filter\s*=\s*(.+)\)\s*)?$/i.exec(expand);
  if (!m) throw badRequest(`Unsupported $expand '${expand}'.`, 'ErrorInvalidUrlQuery');
  if (!m[1]) return () => true;
  try {
    return compileFilter(m[1]);
  } catch (e) {
    if (e instanceof FilterSyntaxError)
      throw badRequest(`Invalid $expand filter: ${e.message}`, 'ErrorInvalidUrlQuery');
    throw e;
  }
}

/** A stored message as Graph would return it for this request's `$select` and `$expand`. */
export function messageView(
  m: MailMessage,
  select: string | null,
  expand: ((p: unknown) => boolean) | undefined,
): Record<string, unknown> {
  const { singleValueExtendedProperties: props, ...rest } = m;
  const out: Record<string, unknown> = { '@odata.etag': `W/"${m.changeKey}"`, ...rest };
  const shaped = applySelect(out, select, 'message', ['id']);
  if (expand) {
    const matching = (props ?? []).filter(expand);
    if (matching.length) shaped.singleValueExtendedProperties = matching;
  }
  return shaped;
}
