import { applyEdits, type Edit } from './edits';
import { judgeUrl, type LinkPolicy } from './link-policy';
import type { Removals } from './removals';

/** How CommonMark matches reference labels: case-insensitively, whitespace collapsed. */
export function normaliseLabel(label: string): string {
  return label.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * `[id]: url "title"` at the start of a line (up to three spaces in). The label is bounded and
 * every quantifier is separated by a fixed character, so matching stays linear.
 */
const DEFINITION = /^ {0,3}\[((?:[^\]\\\n]|\\.){1,999})\]:[ \t]*(?:\n[ \t]*)?(<[^>\n]*>|[^\s]+)[^\n]*(?:\n|$)/gm;

/** Text without the blocked definitions, and the labels whose (first) definition was blocked → host. */
export interface DefinitionScan {
  readonly text: string;
  readonly blocked: ReadonlyMap<string, string>;
}

/**
 * Remove reference definitions whose URL policy does not allow. A label is blocked when its first
 * definition is (the one renderers use); its uses are then unlinked by the inline scanner.
 */
export function removeBlockedDefinitions(text: string, policy: LinkPolicy, removals: Removals): DefinitionScan {
  const blocked = new Map<string, string>();
  if (!text.includes(']:')) return { text, blocked };
  const seen = new Set<string>();
  const edits: Edit[] = [];
  for (const match of text.matchAll(DEFINITION)) {
    const label = normaliseLabel(match[1] ?? '');
    const destination = (match[2] ?? '').replace(/^<|>$/g, '');
    const verdict = judgeUrl(destination, policy);
    const first = !seen.has(label);
    seen.add(label);
    if (verdict.allowed) continue;
    const shown = removals.add(verdict.host);
    if (first) blocked.set(label, shown);
    edits.push({ start: match.index, end: match.index + match[0].length, text: '' });
  }
  return { text: edits.length === 0 ? text : applyEdits(text, edits), blocked };
}
