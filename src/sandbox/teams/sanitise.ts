/**
 * The attributes Teams keeps on each tag of a posted HTML body; everything else (`data-*`,
 * event handlers, ids, classes) is dropped, as Teams' sanitiser does. Tags themselves stay.
 */
const KEPT: Readonly<Record<string, readonly string[]>> = {
  at: ['id'],
  a: ['href', 'title'],
  img: ['src', 'alt', 'width', 'height', 'itemtype', 'itemscope', 'itemid'],
  span: ['itemtype', 'itemscope', 'itemid'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
};

const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;

/** A posted chatMessage's HTML as Teams stores it: scripts and styles removed, unknown attributes stripped. */
export function sanitiseTeamsHtml(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<([a-zA-Z][\w-]*)(\s[^>]*?)?(\/?)>/g, (_tag, name: string, attributes: string | undefined, close) => {
      const kept = KEPT[name.toLowerCase()] ?? [];
      const out = [...(attributes ?? '').matchAll(ATTRIBUTE)]
        .filter((m) => kept.includes((m[1] ?? '').toLowerCase()))
        .map((m) => (m[2] === undefined ? ` ${m[1]}` : ` ${m[1]}=${m[2]}`));
      return `<${name}${out.join('')}${close as string}>`;
    });
}
