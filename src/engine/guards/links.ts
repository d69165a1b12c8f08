import { sanitizeBare } from './bare-links';
import { sanitizeHtml } from './html-links';
import { makeLinkPolicy, type LinkPolicy } from './link-policy';
import { sanitizeMarkdown } from './markdown-links';
import { Removals } from './removals';
import { INVISIBLE } from './text';
import type { GuardFlag } from './types';

/** Options for {@link sanitizeLinks}. */
export interface SanitizeOptions {
  /** URLs the person typed themselves (compared after normalisation): kept whatever their host. */
  readonly allowUrls?: readonly string[];
  /** Rounds before falling back to dropping all markup brackets (default 4; at least 1). */
  readonly maxRounds?: number;
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

/** One round of every pass, in order: HTML, markdown, then bare URLs over whatever is left. */
function oneRound(text: string, policy: LinkPolicy, removals: Removals): string {
  let out = dropInvisibleInAscii(text);
  out = sanitizeHtml(out, policy, removals);
  out = sanitizeMarkdown(out, policy, removals);
  return sanitizeBare(out, policy, removals);
}

/**
 * Rounds before giving up on structure. A removal can change how a later tokenizer reads the text
 * (an edit completes a tag, say), so rounds repeat until one removes nothing; ordinary content
 * needs one round, or two when something was removed.
 */
const MAX_ROUNDS = 4;

/**
 * Neutralise every link in `text` whose host is not allowed, in whatever form the text carries
 * it: HTML tags, markdown images and links (inline and reference-style), autolinks and bare URLs.
 * `allowHosts` are domains (each also allows its subdomains): the tenant's plus configured ones.
 * `javascript:`, `data:` and similar links are always removed. Allowed links are left as they are.
 *
 * Each round is linear in the length of the text; the bare-URL pass comes last, so whatever an
 * earlier pass could not parse is still caught wherever a URL starts. Never throws.
 */
export function sanitizeLinks(
  text: string,
  allowHosts: readonly string[],
  options: SanitizeOptions = {},
): SanitizeResult {
  const policy = makeLinkPolicy(allowHosts, options.allowUrls ?? []);
  const removals = new Removals();
  let out = typeof text === 'string' ? text : '';
  // Rounds repeat until one removes nothing (see MAX_ROUNDS).
  const rounds = Math.max(1, Math.floor(Number(options.maxRounds ?? MAX_ROUNDS)) || MAX_ROUNDS);
  for (let round = 0; round < rounds; round += 1) {
    const before = removals.count;
    out = oneRound(out, policy, removals);
    if (removals.count === before) return { text: out, flags: removals.flags() };
  }
  // Input built so that every round uncovers another link: drop all markup brackets, so no tag and
  // no markdown link can remain, and judge the bare URLs one last time.
  out = sanitizeBare(out.replace(/[<>[\]]/g, ''), policy, removals);
  return { text: out, flags: removals.flags() };
}
