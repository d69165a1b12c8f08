import type { DateTime } from 'luxon';
import { addressOf, joinNames, resolvePeople, splitNames } from '../../extract/people';
import { ok, refuse, type Result } from '../../result';
import { Phrase } from '../../text/phrase';
import { domainIntent } from '../domain';
import { findDue, type Due } from './due';

/** "Mark 'Confirm press list' in the Spring launch plan as done", "move … to Friday", "assign … to Megan". */
interface PlannerUpdateSpec {
  readonly title: string;
  readonly plan?: string;
  readonly percent?: number;
  readonly due?: Due;
  readonly names: readonly string[];
  /** People taken off the task. */
  readonly removed?: readonly string[];
}

/** "in the Spring launch plan", "in Planner". */
const WHERE = /\s+(?:in|on|from)\s+(?:the\s+|our\s+|my\s+)?(?:([^,;]+?)\s+plan|planner)\b/;
const TITLE = '(?:the\\s+)?(?:planner\\s+)?(?:task\\s+)?["\']?(.+?)["\']?(?:\\s+task)?';
const DONE = '(?:done|complete|completed|finished|closed)';
const PROGRESS: ReadonlyArray<readonly [RegExp, (g: string) => number]> = [
  [
    new RegExp(`^(?:mark|set|flag)\\s+${TITLE}\\s+as\\s+(${DONE}|in\\s+progress|started|not\\s+started)$`),
    (g) => (/progress|started/.test(g) ? (/not/.test(g) ? 0 : 50) : 100),
  ],
  [new RegExp(`^(?:complete|finish|close|tick\\s+off|check\\s+off|cross\\s+off)\\s+${TITLE}()$`), () => 100],
  [new RegExp(`^(?:tick|check|cross)\\s+${TITLE}\\s+off()$`), () => 100],
  // "i've finished 'confirm press list', tick it off", "I have done the X task".
  [
    new RegExp(
      `^i(?:'ve|\\s+have)\\s+(?:finished|done|completed)\\s+${TITLE}(?:[,;]?\\s+(?:so\\s+)?(?:tick|check|cross|mark)\\s+it\\s+(?:off|as\\s+${DONE}))?()$`,
    ),
    () => 100,
  ],
  [
    new RegExp(`^i(?:'ve|\\s+have|'m|\\s+am)\\s+(?:started|starting|begun|working)\\s+(?:on\\s+)?${TITLE}()$`),
    () => 50,
  ],
  [
    new RegExp(`^(?:set|put|update|move)\\s+${TITLE}\\s+(?:to|at)\\s+(\\d{1,3})\\s*%(?:\\s+(?:done|complete))?$`),
    (g) => Number(g),
  ],
];
const MOVE = new RegExp(
  `^(?:move|push|change|set|make)\\s+(?:the\\s+due\\s+date\\s+(?:of|for|on)\\s+)?${TITLE}\\s+(?:to\\s+be\\s+due|due|to)\\s+(.+)$`,
);
const ASSIGN = new RegExp(`^(?:assign|give)\\s+${TITLE}\\s+to\\s+(.+)$`);
/** "Add Adele to the 'Pick launch date' task", "put Lynne on X". */
const ADD_PERSON = new RegExp(`^(?:add|put)\\s+(.+?)\\s+(?:to|on)\\s+${TITLE}$`);
/** "take megan off Write FAQ for support and give it to lynne". */
const SWAP = new RegExp(
  `^(?:take|remove)\\s+(.+?)\\s+(?:off|from)\\s+${TITLE}(?:,?\\s+and\\s+(?:give|assign|hand)\\s+it\\s+to\\s+(.+))?$`,
);

/** Without a plan named, only words that can only mean a task ("the X task", a quoted title, a due date, "tick off"). */
const TASKISH = /\btask\b|\bgive\s+it\s+to\b|["']|\bdue\s+date\b|\b(?:tick|check|cross)\b.*\boff\b|%/;

function parse(clause: string, now: DateTime): Result<PlannerUpdateSpec> | undefined {
  const where = new Phrase(clause).find(WHERE);
  if (!where && !TASKISH.test(clause.toLowerCase())) return undefined;
  const plan = where?.raw(1)?.trim();
  const text = where ? `${clause.slice(0, where.start)} ${clause.slice(where.end)}` : clause;
  const phrase = new Phrase(text.replace(/\s+/g, ' ').trim());
  const titled = (hit: { raw(i: number): string | undefined }, index = 1) => ({
    title: (hit.raw(index) ?? '').trim().replace(/^["']|["']$/g, ''),
    ...(plan ? { plan } : {}),
  });
  for (const [pattern, percent] of PROGRESS) {
    const hit = phrase.find(pattern);
    if (hit) return ok({ ...titled(hit), percent: percent(hit.groups[2] ?? ''), names: [] });
  }
  const move = phrase.find(MOVE);
  if (move) {
    const when = findDue(new Phrase(move.raw(2) ?? ''), now);
    if (!when) return undefined;
    return when.due.ok ? ok({ ...titled(move), due: when.due.value, names: [] }) : when.due;
  }
  const swap = phrase.find(SWAP);
  if (swap)
    return ok({
      ...titled(swap, 2),
      names: splitNames(swap.raw(3) ?? ''),
      removed: splitNames(swap.raw(1) ?? ''),
    });
  const add = phrase.find(ADD_PERSON);
  if (add && !/\b(?:plan|list|to-?\s?do)\b/i.test(add.raw(2) ?? ''))
    return ok({ ...titled(add, 2), names: splitNames(add.raw(1) ?? '') });
  const assign = phrase.find(ASSIGN);
  return assign ? ok({ ...titled(assign), names: splitNames(assign.raw(2) ?? '') }) : undefined;
}

/** What is done to the task, after "it": "mark it done", "set it to 50%", "make it due Friday", "assign it to Megan". */
function change(spec: PlannerUpdateSpec, who: string): string {
  if (spec.percent === 100) return 'mark it done';
  if (spec.percent === 0) return 'mark it not started';
  if (spec.percent !== undefined) return `set it to ${spec.percent}% done`;
  if (spec.due) return `make it due ${spec.due.label}`;
  if (who === '') return 'take people off it';
  return `assign it to ${who}`;
}

export const plannerUpdateIntent = domainIntent<PlannerUpdateSpec>({
  name: 'tasks.plannerUpdate',
  parse,
  async build(spec, ctx) {
    const resolved = await resolvePeople(spec.names, ctx.requester, ctx.directory);
    if (!resolved.ok) return resolved;
    const removed = await resolvePeople(spec.removed ?? [], ctx.requester, ctx.directory);
    if (!removed.ok) return removed;
    if ([...resolved.value, ...removed.value].some((p) => p.id === ''))
      return refuse('Planner tasks can only be assigned to people in your organisation.');
    const who = joinNames(resolved.value.map((p) => (p.id === ctx.requester.id ? 'you' : p.displayName)));
    const where = spec.plan ? ` in the ${spec.plan} plan` : '';
    const what = change(spec, who);
    const title = `${what.charAt(0).toUpperCase()}${what.slice(1).replace(/\bit\b/, `"${spec.title}"${where}`)}`;
    return ok({
      title,
      steps: [
        {
          action: 'planner.updateTask',
          input: {
            title: spec.title,
            ...(spec.plan ? { plan: spec.plan } : {}),
            ...(spec.percent !== undefined ? { percentComplete: spec.percent } : {}),
            ...(spec.due ? { dueDateTime: spec.due.iso } : {}),
            ...(resolved.value.length > 0 ? { addAssignees: resolved.value.map(addressOf) } : {}),
            ...(removed.value.length > 0 ? { removeAssignees: removed.value.map(addressOf) } : {}),
          },
          rationale: `Find "${spec.title}"${where || ' among your Planner tasks'} and ${what}.`,
        },
      ],
    });
  },
});
