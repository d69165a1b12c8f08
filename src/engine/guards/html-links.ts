import { applyEdits, type Edit } from './edits';
import { decodeEntities } from './entities';
import { scanTags, type HtmlAttribute, type HtmlTag } from './html-tags';
import { judgeUrl, type LinkPolicy } from './link-policy';
import { placeholder, type Removals } from './removals';

/** Attributes whose value is fetched or followed. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'poster',
  'background',
  'data',
  'cite',
  'longdesc',
  'lowsrc',
  'dynsrc',
  'xlink:href',
  'codebase',
  'manifest',
  'icon',
  'profile',
  'usemap',
  'archive',
  'classid',
  'itemtype',
]);
const LIST_ATTRIBUTES = new Set(['srcset', 'imagesrcset']);

/** The URLs an attribute value holds, entity-decoded as a browser would. */
function urlsOf(attribute: HtmlAttribute): string[] {
  const value = decodeEntities(attribute.value);
  if (URL_ATTRIBUTES.has(attribute.name)) return [value];
  if (LIST_ATTRIBUTES.has(attribute.name))
    return value.split(',').map((entry) => entry.trim().split(/\s+/, 1)[0] ?? '');
  if (attribute.name === 'ping') return value.split(/\s+/);
  if (attribute.name === 'style')
    return [...value.matchAll(/url\(([^)]*)\)?/gi)].map((match) => (match[1] ?? '').replace(/["']/g, ''));
  if (attribute.name === 'content' && /url\s*=/i.test(value))
    return [
      value
        .slice(value.search(/url\s*=/i))
        .replace(/^url\s*=\s*/i, '')
        .replace(/["']/g, ''),
    ];
  return [];
}

/** The first host in the tag that policy does not allow, if any. */
function blockedHost(tag: HtmlTag, policy: LinkPolicy): string | undefined {
  for (const attribute of tag.attributes) {
    for (const url of urlsOf(attribute)) {
      const verdict = judgeUrl(url, policy);
      if (!verdict.allowed) return verdict.host;
    }
  }
  return undefined;
}

/**
 * Neutralise HTML links to hosts that are not allowed: `<a href>` keeps its text followed by
 * `[link removed: host]`; any other tag that would fetch or follow a URL (`<img>`, `<iframe>`,
 * `<form action>`, `style="background:url(…)"`…) is removed whole.
 */
export function sanitizeHtml(text: string, policy: LinkPolicy, removals: Removals): string {
  if (!text.includes('<')) return text;
  const tags = scanTags(text);
  const closers = tags.filter((tag) => tag.closing && tag.name === 'a');
  let nextCloser = 0;
  const edits: Edit[] = [];
  const pendingCloser = new Map<HtmlTag, string>();
  for (const tag of tags) {
    const label = pendingCloser.get(tag);
    if (label !== undefined) {
      edits.push({ start: tag.start, end: tag.end, text: ` ${placeholder(label)}` });
      continue;
    }
    if (tag.closing) continue;
    const host = blockedHost(tag, policy);
    if (host === undefined) continue;
    const shown = removals.add(host);
    if (tag.name !== 'a') {
      edits.push({ start: tag.start, end: tag.end, text: '' });
      continue;
    }
    while (nextCloser < closers.length && (closers[nextCloser] as HtmlTag).start < tag.end) nextCloser += 1;
    const closer = closers[nextCloser];
    if (closer !== undefined && !pendingCloser.has(closer)) {
      nextCloser += 1;
      pendingCloser.set(closer, shown);
      edits.push({ start: tag.start, end: tag.end, text: '' });
    } else {
      edits.push({ start: tag.start, end: tag.end, text: placeholder(shown) });
    }
  }
  return edits.length === 0 ? text : applyEdits(text, edits);
}
