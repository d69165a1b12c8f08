import type { PlanResult, StepDraft } from '../../../src/engine/ports';
import { sequenceMatches, slotMatches, valueAt } from './match';
import type { CorpusEntry } from './types';

/**
 * Actions that do the same job for the corpus: a model-written summary (compose.summarise,
 * only with a language model) is as good as the extractive one.
 */
const SAME_AS: Readonly<Record<string, string>> = { 'compose.summarise': 'text.summarise' };
const canonical = (action: string): string => SAME_AS[action] ?? action;

/** Why an entry missed. */
export type MissKind = 'refused' | 'asked' | 'actions' | 'slots' | 'planned' | 'error';

export interface Outcome {
  readonly entry: CorpusEntry;
  /** The planner's answer (absent when it threw). */
  readonly result?: PlanResult;
  readonly hit: boolean;
  readonly miss?: { readonly kind: MissKind; readonly detail: string };
  /**
   * Expected actions missing from a plan the planner returned: parts of the request dropped
   * without a word (the invariant: this is always empty).
   */
  readonly dropped: readonly string[];
  /** Milliseconds the planner took. */
  readonly ms: number;
}

const required = (entry: CorpusEntry): string[] => entry.actions.filter((a) => !a.endsWith('?')).map(canonical);

/** Expected actions (with repeats) that the plan does not contain. */
function droppedActions(entry: CorpusEntry, steps: readonly StepDraft[]): string[] {
  const have = steps.map((s) => canonical(s.action));
  const missing: string[] = [];
  for (const action of required(entry)) {
    const at = have.indexOf(action);
    if (at === -1) missing.push(action);
    else have.splice(at, 1);
  }
  return missing;
}

/** The expected slots that no step satisfies, each with what the steps carried. */
function slotMisses(entry: CorpusEntry, steps: readonly StepDraft[], zone: string): string[] {
  const misses: string[] = [];
  for (const [key, matcher] of Object.entries(entry.slots ?? {})) {
    const alternatives = key.split('|');
    const seen: string[] = [];
    const ok = alternatives.some((alternative) => {
      const [domain = '', name = '', ...path] = alternative.split('.');
      const action = `${domain}.${name}`;
      return steps
        .filter((step) => canonical(step.action) === action)
        .some((step) => {
          const value = valueAt(step.input, path.join('.'));
          seen.push(`${alternative}=${JSON.stringify(value) ?? 'absent'}`);
          const stepZone = typeof step.input.timeZone === 'string' ? step.input.timeZone : zone;
          return slotMatches(matcher, value, zone, stepZone);
        });
    });
    if (!ok) misses.push(`${key} wanted ${JSON.stringify(matcher)}, got ${seen.join(' / ') || 'no such step'}`);
  }
  return misses;
}

const messageOf = (result: PlanResult): string =>
  result.kind === 'question'
    ? [result.question, ...(result.options ?? [])].join(' ')
    : result.kind === 'unplannable'
      ? result.message
      : '';

const mentions = (text: string, word: string): boolean =>
  new RegExp(`(^|[^\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'iu').test(text);

/** Words too common to say that a message names a part. */
const COMMON = new Set(['with', 'from', 'this', 'that', 'what', 'mail', 'email', 'send', 'please', 'about']);

/** Whether a message names a part of the request: the part itself, or one of its words of four letters or more. */
function namesPart(text: string, part: string): boolean {
  if (text.toLowerCase().includes(part.toLowerCase())) return true;
  return part
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 4 && !COMMON.has(word.toLowerCase()))
    .some((word) => mentions(text, word));
}

const short = (text: string, max = 90): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

/** Score one entry against the planner's answer. */
export function scoreEntry(entry: CorpusEntry, result: PlanResult, zone: string, ms = 0): Outcome {
  if (entry.asks) {
    if (result.kind === 'plan')
      return {
        entry,
        result,
        hit: false,
        ms,
        dropped: [],
        miss: { kind: 'planned', detail: `planned ${result.steps.map((s) => s.action).join(', ')}` },
      };
    const text = messageOf(result);
    const hit = entry.asks.some((word) => mentions(text, word));
    return hit
      ? { entry, result, hit, ms, dropped: [] }
      : {
          entry,
          result,
          hit,
          ms,
          dropped: [],
          miss: { kind: 'asked', detail: `did not name ${entry.asks.join('/')}: ${short(text)}` },
        };
  }
  if (result.kind !== 'plan') {
    const text = messageOf(result);
    const named = entry.parts.filter((part) => namesPart(text, part));
    const kind: MissKind = result.kind === 'question' ? 'asked' : 'refused';
    const detail = named.length > 0 ? `${kind} about "${named.join('", "')}": ${short(text)}` : short(text);
    return { entry, result, hit: false, ms, dropped: [], miss: { kind, detail } };
  }
  const actions = result.steps.map((s) => canonical(s.action));
  const dropped = droppedActions(entry, result.steps);
  if (
    !sequenceMatches(
      entry.actions.map((a) => (a.endsWith('?') ? `${canonical(a.slice(0, -1))}?` : canonical(a))),
      actions,
    )
  )
    return {
      entry,
      result,
      hit: false,
      ms,
      dropped,
      miss: { kind: 'actions', detail: `got ${actions.join(', ') || 'no steps'}` },
    };
  const misses = slotMisses(entry, result.steps, zone);
  if (misses.length > 0)
    return { entry, result, hit: false, ms, dropped, miss: { kind: 'slots', detail: short(misses.join('; '), 240) } };
  return { entry, result, hit: true, ms, dropped };
}

/** An entry the planner threw on: a miss. */
export function errorOutcome(entry: CorpusEntry, error: unknown, ms = 0): Outcome {
  const detail = error instanceof Error ? error.message : String(error);
  return { entry, hit: false, ms, dropped: [], miss: { kind: 'error', detail: short(detail) } };
}

export interface Tally {
  readonly hits: number;
  readonly total: number;
  readonly rate: number;
}

const tally = (outcomes: readonly Outcome[]): Tally => {
  const hits = outcomes.filter((o) => o.hit).length;
  return { hits, total: outcomes.length, rate: outcomes.length === 0 ? 1 : hits / outcomes.length };
};

export interface Summary {
  readonly overall: Tally;
  /** Per expected action (each entry counts once for every action it expects; questions under "(question)"), worst first. */
  readonly byAction: readonly (Tally & { readonly action: string })[];
  /** Per corpus file, worst first. */
  readonly byDomain: readonly (Tally & { readonly domain: string })[];
  /** Entries whose plan left out an expected action. */
  readonly dropping: readonly Outcome[];
}

const worstFirst = <T extends Tally>(list: T[]): T[] => list.sort((a, b) => a.rate - b.rate || b.total - a.total);

export function summarise(outcomes: readonly Outcome[]): Summary {
  const actions = new Map<string, Outcome[]>();
  const domains = new Map<string, Outcome[]>();
  for (const outcome of outcomes) {
    const keys = outcome.entry.asks ? ['(question)'] : [...new Set(required(outcome.entry))];
    for (const key of keys) actions.set(key, [...(actions.get(key) ?? []), outcome]);
    const domain = outcome.entry.id.replace(/-\d+$/, '');
    domains.set(domain, [...(domains.get(domain) ?? []), outcome]);
  }
  return {
    overall: tally(outcomes),
    byAction: worstFirst([...actions].map(([action, list]) => ({ action, ...tally(list) }))),
    byDomain: worstFirst([...domains].map(([domain, list]) => ({ domain, ...tally(list) }))),
    dropping: outcomes.filter((o) => o.dropped.length > 0),
  };
}

const pct = (rate: number): string => `${(rate * 100).toFixed(1)}%`;

/** A printable report: the overall rate, per action and per domain, and every miss on one line. */
export function formatReport(
  summary: Summary,
  outcomes: readonly Outcome[],
  options: { misses?: boolean } = {},
): string {
  const lines = [
    `Hit rate: ${pct(summary.overall.rate)} (${summary.overall.hits}/${summary.overall.total})`,
    '',
    'By action (worst first):',
    ...summary.byAction.map((t) => `  ${t.action.padEnd(28)} ${pct(t.rate).padStart(6)}  ${t.hits}/${t.total}`),
    '',
    'By domain:',
    ...summary.byDomain.map((t) => `  ${t.domain.padEnd(28)} ${pct(t.rate).padStart(6)}  ${t.hits}/${t.total}`),
  ];
  if (summary.dropping.length > 0) {
    lines.push('', `Plans that dropped part of the request (${summary.dropping.length}):`);
    for (const o of summary.dropping)
      lines.push(`  ${o.entry.id}: "${short(o.entry.request, 70)}" dropped ${o.dropped.join(', ')}`);
  }
  if (options.misses !== false) {
    const misses = outcomes.filter((o) => !o.hit);
    lines.push('', `Misses (${misses.length}):`);
    for (const o of misses)
      lines.push(`  ${o.entry.id} [${o.miss?.kind}] "${short(o.entry.request, 70)}" → ${o.miss?.detail}`);
  }
  return lines.join('\n');
}
