import type { Person } from '../../engine/model';
import type { StepDraft } from '../../engine/ports';
import type { Directory } from '../directory';
import { actorOf } from '../extract/people';
import type { Part } from './parts';

/** What each step of a plan came from, and the parts of the request no step uses. */
export interface Accounting {
  /** Per step (plan order), the parts of the request it carries out. */
  readonly sources: readonly (readonly Part[])[];
  readonly unused: readonly Part[];
}

const TIME_KEYS = new Set([
  'since',
  'until',
  'start',
  'end',
  'windowStart',
  'windowEnd',
  'dueDateTime',
  'due',
  'dueDate',
  'newStart',
  'from',
  'to',
]);
/** Actions that write to people. */
const SENDS = new Set(['mail.send', 'mail.forward', 'mail.reply', 'mail.draft', 'teams.sendChatMessage']);

const ATTACHMENT_ACTIONS = new Set(['mail.forward', 'mail.read', 'files.share']);

/** Every string in a step's input, lower-cased, with the keys that hold them. */
function strings(value: unknown, key = '', out: Array<{ key: string; value: string }> = []) {
  if (typeof value === 'string') out.push({ key, value: value.toLowerCase() });
  else if (Array.isArray(value)) for (const item of value) strings(item, key, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== '$ref') strings(v, k, out);
  }
  return out;
}

function hasTime(input: Record<string, unknown>): boolean {
  return Object.entries(input).some(
    ([key, value]) => TIME_KEYS.has(key) && key !== 'from' && key !== 'to' && value !== undefined,
  );
}

/**
 * Match the parts of a request to the steps that carry them out. A person is used when a step
 * addresses them (their address, found in the directory) or names them; a verb when a step does
 * it; a time when a step is bounded in time or quotes it; a format when a file of that kind is
 * made; a cc when a step copies someone. Directory look-ups are made once per name.
 */
export async function accountFor(
  parts: readonly Part[],
  steps: readonly StepDraft[],
  ctx: { readonly directory: Directory; readonly requester: Person },
): Promise<Accounting> {
  const texts = steps.map((step) => strings(step.input));
  const addresses = new Map<string, Promise<string[]>>();
  const addressesOf = (name: string): Promise<string[]> => {
    const key = name.toLowerCase();
    let found = addresses.get(key);
    if (!found) {
      found = ctx.directory
        .findPeople(name, actorOf(ctx.requester))
        .then((people) =>
          people.flatMap((p) => [p.mail, p.userPrincipalName].filter(Boolean).map((a) => a.toLowerCase())),
        )
        .catch(() => []);
      addresses.set(key, found);
    }
    return found;
  };
  const me = [ctx.requester.name, ctx.requester.upn ?? ''].join(' ').toLowerCase();
  const sources: Part[][] = steps.map(() => []);
  const unused: Part[] = [];
  for (const part of parts) {
    const lower = part.text.toLowerCase();
    const quotes = (index: number): boolean => (texts[index] ?? []).some((s) => s.value.includes(lower));
    let users: number[] = [];
    switch (part.kind) {
      case 'verb':
        users = indexes(steps, (step) => part.actions?.includes(step.action) === true);
        break;
      case 'format':
        users = indexes(
          steps,
          (step) =>
            step.action === 'files.create' &&
            String(step.input.path ?? '')
              .toLowerCase()
              .endsWith(`.${part.extension ?? ''}`),
        );
        break;
      case 'copy':
        users = indexes(
          steps,
          (step) =>
            (step.input.cc !== undefined && !(Array.isArray(step.input.cc) && step.input.cc.length === 0)) ||
            // "loop in Adele: send her …": looping someone in is also writing to them.
            (/^loop\b/i.test(part.text) && SENDS.has(step.action)),
        );
        break;
      case 'attachment':
        users = indexes(steps, (step) => ATTACHMENT_ACTIONS.has(step.action) || step.input.hasAttachments === true);
        break;
      case 'channel':
        users = indexes(steps, (_step, i) => quotes(i));
        break;
      case 'time':
        users = indexes(steps, (step, i) => hasTime(step.input) || quotes(i));
        break;
      case 'person': {
        users = indexes(steps, (_step, i) => quotes(i));
        if (users.length === 0) {
          const known = await addressesOf(part.text);
          users = indexes(steps, (_step, i) => (texts[i] ?? []).some((s) => known.includes(s.value)));
        }
        if (users.length === 0 && me.includes(lower)) users = [-1];
        break;
      }
    }
    if (users.length === 0) unused.push(part);
    for (const index of users) sources[index]?.push(part);
  }
  return { sources, unused };
}

function indexes(steps: readonly StepDraft[], test: (step: StepDraft, index: number) => boolean): number[] {
  return steps.flatMap((step, index) => (test(step, index) ? [index] : []));
}
