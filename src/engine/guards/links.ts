import { sanitizeBare } from './bare-links';
import { sanitizeHtml } from './html-links';
import { makeLinkPolicy } from './link-policy';
import { sanitizeMarkdown } from './markdown-links';
import { Removals } from './removals';
import { INVISIBLE } from './text';
import type { GuardFlag } from './types';

/** Options for {@link sanitizeLinks}. */
export interface SanitizeOptions {
  /** URLs the person typed themselves (compared after normalisation): kept whatever their host. */
  readonly allowUrls?: readonly string[];
}

/** Content with its disallowed links neutralised, and one `link_removed` flag per host. */
export interface SanitizeResult {
  readonly text: string;
  readonly flags: GuardFlag[];
}

function isAsciiVisible(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  return code > 0x20 && code < 0x7f;
}

/**
 * Drop invisible characters that sit between two visible ASCII characters: there they can only
 * break up a URL or an address (`evil\u200B.test`). Elsewhere they may be doing real work
 * (emoji joiners, Persian non-joiners, right-to-left marks), so they stay.
 */
const INVISIBLE_RUN = new RegExp(`${INVISIBLE.source}+`, 'gu');

function dropInvisibleInAscii(text: string): string {
  return text.replace(INVISIBLE_RUN, (run, offset: number, whole: string) =>
    isAsciiVisible(whole[offset - 1]) && isAsciiVisible(whole[offset + run.length]) ? '' : run,
  );
}

/**
 * Neutralise every link in `text` whose host is not allowed, in whatever form the text carries
 * it: HTML tags, markdown images and links (inline and reference-style), autolinks and bare URLs.
 * `allowHosts` are domains (each also allows its subdomains): the tenant's plus configured ones.
 * `javascript:`, `data:` and similar links are always removed. Allowed links are left as they are.
 *
 * Passes run in that order, each linear in the length of the text, and each later pass sees the
 * output of the earlier ones; the bare-URL pass comes last, so whatever an earlier pass could not
 * parse is still caught wherever a URL starts. Never throws.
 */
export function sanitizeLinks(text: string, allowHosts: readonly string[], options: SanitizeOptions = {}): SanitizeResult {
  const source = typeof text === 'string' ? text : '';
  const policy = makeLinkPolicy(allowHosts, options.allowUrls ?? []);
  const removals = new Removals();
  let out = dropInvisibleInAscii(source);
  out = sanitizeHtml(out, policy, removals);
  out = sanitizeMarkdown(out, policy, removals);
  out = sanitizeBare(out, policy, removals);
  return { text: out, flags: removals.flags() };
}
