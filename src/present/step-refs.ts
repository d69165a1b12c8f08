import type { StepPreview } from '../engine/catalogue';
import type { Step } from '../engine/model';
import { parseRef, refsIn } from '../engine/refs';

/**
 * Before a plan runs, a step that uses an earlier step's output is described with a placeholder
 * ("Reply to (from step 1)"). People read it as what that output is: "Reply to the latest mail
 * found in step 1", "Move the messages found in step 1 to Archive".
 */
export function namedRefs(preview: StepPreview, step: Step, steps: readonly Step[]): StepPreview {
  const phrases = phrasesFor(step, steps);
  const name = (text: string): string =>
    text
      // A quoted placeholder ('Move "(from step 1)" to …') is a name, not words to quote.
      .replace(/"(\(from (?:step \d+|an earlier step)\))"/g, '$1')
      .replace(/\b([Tt]he) (\w+) \(from step (\d+)\)/g, '$1 $2 found in step $3')
      .replace(/\bproduced \(from step (\d+)\)/g, 'produced in step $1')
      .replace(/\(from step (\d+)\)/g, (_m, n: string) => phrases.get(n) ?? `the result of step ${n}`)
      .replace(/\(from an earlier step\)/g, 'the result of an earlier step');
  return {
    title: startsWithRef(preview.title) ? capitalise(name(preview.title)) : name(preview.title),
    target: startsWithRef(preview.target) ? capitalise(name(preview.target)) : name(preview.target),
    reads: name(preview.reads),
    fields: preview.fields.map((field) => ({ label: field.label, value: name(field.value) })),
  };
}

/** For each earlier step this one uses, what its first reference points at, in words. */
function phrasesFor(step: Step, steps: readonly Step[]): Map<string, string> {
  const phrases = new Map<string, string>();
  for (const ref of refsIn(step.input)) {
    const parsed = parseRef(ref);
    if (!parsed) continue;
    const n = parsed.stepId.slice(1);
    if (phrases.has(n)) continue;
    const source = steps.find((s) => s.id === parsed.stepId);
    phrases.set(n, phrase(parsed.path, source?.action ?? '', n));
  }
  return phrases;
}

const ITEM_BY_DOMAIN: Record<string, [one: string, many: string]> = {
  mail: ['mail', 'mail'],
  calendar: ['meeting', 'meetings'],
  files: ['file', 'files'],
  teams: ['post', 'posts'],
  tasks: ['task', 'tasks'],
  people: ['person', 'people'],
};

function phrase(path: readonly string[], action: string, n: string): string {
  const [head = '', index] = path;
  const first = index !== undefined && /^\d+$/.test(index);
  const [one, many] = ITEM_BY_DOMAIN[action.split('.')[0] ?? ''] ?? ['item', 'items'];
  switch (head) {
    case 'messages':
      return first ? `the latest mail found in step ${n}` : `the mail found in step ${n}`;
    case 'ids':
      return `the ${many} found in step ${n}`;
    case 'events':
      return first ? `the meeting found in step ${n}` : `the meetings found in step ${n}`;
    case 'suggestions':
      return `the first free time found in step ${n}`;
    case 'latest':
      return `the latest ${one} found in step ${n}`;
    case 'items':
      return first ? `the first ${one} found in step ${n}` : `the ${many} found in step ${n}`;
    case 'others':
      return `everyone else on the mail found in step ${n}`;
    case 'summary':
    case 'text':
      return `the text made in step ${n}`;
    default:
      return `the result of step ${n}`;
  }
}

const startsWithRef = (text: string): boolean => text.startsWith('(from ');

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
