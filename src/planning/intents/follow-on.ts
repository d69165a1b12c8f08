import type { StepDraft } from '../../engine/ports';
import type { Fragment } from './fragment';
import type { BuildableSpec } from './specs';

/**
 * Several acts on one found thing: "find the Fabrikam invoice email, forward it to Lynne and
 * move it to the archive", "reply to Raj … and flag his email", "find the travel policy and
 * share it with Adele". The later request names the thing with a pronoun ("it", "them", "his
 * email"); it is understood as if it named a placeholder ("the latest mail", "the document"),
 * and its steps are then grafted onto the earlier request's: the search (and read) it would
 * repeat are dropped and its references point at the earlier ones instead.
 */

/** What an earlier request found, that "it" in a later one can mean. */
export type Found = 'mail' | 'file';

/** A request acting on what the one before found: its kind, and whether "it" is one thing (not "them"). */
export interface FollowOn {
  readonly found: Found;
  readonly one: boolean;
}

/** A pronoun for several things. */
const PLURAL = /^(?:them|those|these)$|s$/i;

/** The words a pronoun stands for, per kind of thing found: a reference every intent of that kind reads. */
const PLACEHOLDER: Readonly<Record<Found, string>> = { mail: 'the latest mail', file: 'the "document"' };

const PRONOUN =
  '(it|them|that|this|those|these|(?:his|her|their|that|this|the|those|these|same)\\s+(?:e-?mails?|mails?|messages?|one|file|document|doc))';
/** A verb, the pronoun as its object, and the rest: "forward it to Lynne", "reply to it saying …", "flag his email". */
const ACT_ON_IT = new RegExp(
  `^((?:please\\s+)?(?:forward|fwd|flag|unflag|mark|move|file|put|archive|delete|bin|trash|reply(?:[\\s-]+all)?(?:\\s+to)?|respond\\s+to|answer|read|open|share|send))\\s+${PRONOUN}(?=$|[\\s,.!?])(.*)$`,
  'i',
);

/** "… a summary of it", "… the gist of that". */
const OF_IT = new RegExp(
  `^(.*\\b(?:summary|recap|gist|key\\s+points|main\\s+points|highlights)\\s+of)\\s+${PRONOUN}(?=$|[\\s,.!?])(.*)$`,
  'i',
);

/** The kind of thing a parsed request finds (for "it" in the next request), if any. */
export function foundBy(spec: BuildableSpec | undefined): Found | undefined {
  return spec?.kind === 'domain' ? spec.intent.finds : undefined;
}

/**
 * The clause with its pronoun object replaced by a placeholder for what the earlier request
 * found ("move it to the archive" → "move the latest mail to the archive"); undefined when the
 * clause does not act on "it" or nothing was found before.
 */
export function followOnClause(
  clause: string,
  found: Found | undefined,
): { readonly clause: string; readonly followOn: FollowOn } | undefined {
  if (!found) return undefined;
  // "email Megan a summary of it": the thing found, summarised.
  const of = OF_IT.exec(clause.trim());
  if (of)
    return {
      clause: `${of[1] ?? ''} ${PLACEHOLDER[found]}${of[3] ?? ''}`,
      followOn: { found, one: !PLURAL.test(of[2] ?? '') },
    };
  const match = ACT_ON_IT.exec(clause.trim());
  if (!match) return undefined;
  const verb = match[1] ?? '';
  // "send it to Megan" forwards mail, and shares a document.
  const said = /^(?:please\s+)?send$/i.test(verb) ? (found === 'mail' ? 'forward' : 'share') : verb;
  const rest = found === 'file' && /^share$/i.test(said) ? (match[3] ?? '').replace(/^\s+to\s+/i, ' with ') : match[3];
  return {
    clause: `${said} ${PLACEHOLDER[found]}${rest ?? ''}`,
    followOn: { found, one: !PLURAL.test(match[2] ?? '') },
  };
}

/** Steps that find or read the thing acted on, which a follow-on shares with the request before it. */
const FINDING = new Set(['mail.search', 'mail.read', 'files.search', 'files.readText']);

const REF = /^s(\d+)(\..*)?$/;

/** A reference moved to another step; `created` when that step made the file a search would have found. */
type Moved = { readonly step: number; readonly created?: boolean };

function renumber(value: unknown, map: (step: number) => Moved): unknown {
  if (Array.isArray(value)) return value.map((item) => renumber(item, map));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  if (entries.length === 1 && entries[0]?.[0] === '$ref' && typeof entries[0][1] === 'string') {
    const match = REF.exec(entries[0][1]);
    if (match) {
      const moved = map(Number(match[1]));
      // files.search's first hit is files.create's output itself: "items.0.id" → "itemId".
      const path = moved.created
        ? (match[2] ?? '').replace(/^\.items\.0\.(id|name)$/, (_m, field: string) =>
            field === 'id' ? '.itemId' : '.name',
          )
        : (match[2] ?? '');
      return { $ref: `s${moved.step}${path}` };
    }
  }
  return Object.fromEntries(entries.map(([key, item]) => [key, renumber(item, map)]));
}

/** Inputs that name the thing acted on. */
const NAMED = ['title', 'subject'] as const;

/** What the earlier fragment searched its files for ("travel policy"). */
function foundName(before: Fragment): string | undefined {
  const search = before.steps.filter((step) => step.action === 'files.search').at(-1);
  return typeof search?.input.query === 'string' ? search.input.query : undefined;
}

const lastIndexOf = (steps: readonly StepDraft[], action: string): number =>
  steps.map((step) => step.action).lastIndexOf(action);

/**
 * The earlier fragment, then the follow-on's steps acting on what it found: the follow-on's
 * leading find/read steps are replaced by the earlier fragment's. Undefined when the earlier
 * fragment found nothing of that kind (the pronoun then refers to nothing).
 */
export function graft(before: Fragment, next: Fragment, { found, one }: FollowOn): Fragment | undefined {
  const shared = new Map<number, Moved>();
  let k = 0;
  for (const step of next.steps) {
    if (!FINDING.has(step.action)) break;
    const at = lastIndexOf(before.steps, step.action);
    // "save it as a Word document, then share it": the file found is the one just created.
    const created = at === -1 && step.action === 'files.search' ? lastIndexOf(before.steps, 'files.create') : -1;
    if (at === -1 && created === -1) break;
    shared.set(k + 1, at === -1 ? { step: created + 1, created: true } : { step: at + 1 });
    k += 1;
  }
  if (k === 0 || k === next.steps.length) return undefined;
  const offset = before.steps.length - k;
  const map = (step: number): Moved => shared.get(step) ?? { step: step + offset };
  const name = found === 'file' ? foundName(before) : undefined;
  const kept = next.steps.slice(k).map((step) => {
    const input = renumber(step.input, map) as Record<string, unknown>;
    // "Summary of document" → "Summary of travel policy": the placeholder's name in titles and subjects.
    for (const key of NAMED)
      if (name && typeof input[key] === 'string') input[key] = input[key].replace(/\bdocument\b/, name);
    return { ...step, input };
  });
  const placeholder =
    found === 'mail' ? /\b(?:your\s+|the\s+)?latest\s+(?:mail|message)\b/i : /"document"|\bthe\s+document\b/i;
  const then = next.title.replace(placeholder, 'it');
  // "find the invoice email, forward it and move it": the one message (or file), not every match.
  const search = lastIndexOf(before.steps, found === 'mail' ? 'mail.search' : 'files.search');
  const steps = before.steps.map((step, i) =>
    one && i === search && step.input.top !== 1 ? { ...step, input: { ...step.input, top: 1 } } : step,
  );
  return {
    title: `${before.title}, then ${then.charAt(0).toLowerCase()}${then.slice(1)}`,
    steps: [...steps, ...kept],
  };
}
