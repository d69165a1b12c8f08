import { badRequest } from '../errors';
import type { MailMessage } from '../model';

/**
 * A KQL-lite reading of `$search` for messages: words must all match (subject, body, sender name
 * or address, recipients); `from:`, `to:`, `subject:` and `body:` restrict a word to one field;
 * `OR` between terms widens. Quotes around the whole value are Graph's syntax and are removed.
 */
export function compileMailSearch(raw: string): (m: MailMessage) => boolean {
  const text = unquote(raw);
  if (!text) throw badRequest('The $search value is empty.', 'ErrorInvalidUrlQuery');
  const groups = text.split(/\s+OR\s+/).map((g) => terms(g));
  return (m) => groups.some((group) => group.every((t) => matchTerm(m, t)));
}

interface Term {
  field?: string;
  word: string;
}

function unquote(raw: string): string {
  const t = raw.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).trim() : t;
}

function terms(group: string): Term[] {
  const out: Term[] = [];
  for (const m of group.matchAll(/(\w+):("[^"]*"|\S+)|"([^"]*)"|(\S+)/g)) {
    if (m[1] && m[2]) out.push({ field: m[1].toLowerCase(), word: m[2].replace(/"/g, '').toLowerCase() });
    else {
      const word = (m[3] ?? m[4] ?? '').toLowerCase();
      if (word && word !== 'and') out.push({ word });
    }
  }
  return out;
}

const people = (rs: Array<{ emailAddress: { name: string; address: string } } | null>): string =>
  rs.map((r) => (r ? `${r.emailAddress.name} ${r.emailAddress.address}` : '')).join(' ');

function fieldText(m: MailMessage, field: string | undefined): string {
  switch (field) {
    case 'from':
      return people([m.from]);
    case 'to':
      return people(m.toRecipients);
    case 'cc':
      return people(m.ccRecipients);
    case 'subject':
      return m.subject;
    case 'body':
      return stripHtml(m.body.content);
    case 'participants':
      return people([m.from, ...m.toRecipients, ...m.ccRecipients]);
    case undefined:
      return `${m.subject} ${stripHtml(m.body.content)} ${people([m.from, ...m.toRecipients, ...m.ccRecipients])}`;
    default:
      throw badRequest(`Unsupported search property '${field}'.`, 'ErrorInvalidUrlQuery');
  }
}

/** Word-prefix match, so `contoso` finds "Contoso" and "dana@contoso.com", as Exchange search does. */
function matchTerm(m: MailMessage, t: Term): boolean {
  const hay = fieldText(m, t.field).toLowerCase();
  let from = 0;
  for (;;) {
    const at = hay.indexOf(t.word, from);
    if (at < 0) return false;
    if (at === 0 || /[^a-z0-9]/.test(hay.charAt(at - 1))) return true;
    from = at + 1;
  }
}

/** Plain text of an HTML body (for previews and search). */
export function stripHtml(html: string): string {
  return html
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

/**
 * Directory `$search`: `"displayName:meg"` clauses joined by OR/AND; a clause matches when a
 * word of the property starts with the value (Graph's tokenized search).
 */
export function compileDirectorySearch(raw: string): (u: Record<string, unknown>) => boolean {
  const orGroups = raw.split(/\s+OR\s+/).map((g) => g.split(/\s+AND\s+/).map(clause));
  return (u) =>
    orGroups.some((and) =>
      and.every((c) => {
        const value = Object.entries(u).find(([k]) => k.toLowerCase() === c.prop)?.[1];
        return (
          (typeof value === 'string' &&
            value
              .toLowerCase()
              .split(/[^a-z0-9]+/)
              .some((w) => w.startsWith(c.word))) ||
          (typeof value === 'string' && value.toLowerCase().startsWith(c.word))
        );
      }),
    );
}

function clause(raw: string): { prop: string; word: string } {
  const m = /^"?([A-Za-z]+):([^"]*)"?$/.exec(raw.trim());
  if (!m?.[1] || m[2] === undefined) throw badRequest(`Invalid $search clause '${raw}'.`, 'Request_UnsupportedQuery');
  return { prop: m[1].toLowerCase(), word: m[2].trim().toLowerCase() };
}
