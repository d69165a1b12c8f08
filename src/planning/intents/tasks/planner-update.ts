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
}

/** "in the Spring launch plan", "in Planner". */
const WHERE = /\s+(?:in|on|from)\s+(?:the\s+|our\s+|my\s+)?(?:([^,;]+?)\s+plan|planner)\b/;
const TITLE = '(?:the\\s+)?(?:planner\\s+)?(?:task\\s+)?["\']?(.+?)["\']?';
const PROGRESS: ReadonlyArray<readonly [RegExp, (g: string) => number]> = [
  [
    new RegExp(
      `^(?:mark|set)\\s+${TITLE}\\s+as\\s+(done|complete|completed|finished|in\\s+progress|started|not\\s+started)$`,
    ),
    (g) => (/progress|started/.test(g) ? (/not/.test(g) ? 0 : 50) : 100),
  ],
  [new RegExp(`^(?:complete|finish|close)\\s+${TITLE}()$`), () => 100],
  [new RegExp(`^set\\s+${TITLE}\\s+to\\s+(\\d{1,3})\\s*%(?:\\s+(?:done|complete))?$`), (g) => Number(g)],
];
const MOVE = new RegExp(
  `^(?:move|push|change|set)\\s+(?:the\\s+due\\s+date\\s+of\\s+)?${TITLE}\\s+(?:to\\s+be\\s+due|due|to)\\s+(.+)$`,
);
const ASSIGN = new RegExp(`^assign\\s+${TITLE}\\s+to\\s+(.+)$`);

function parse(clause: string, now: DateTime): Result<PlannerUpdateSpec> | undefined {
  const where = new Phrase(clause).find(WHERE);
  if (!where) return undefined;
  const plan = where.raw(1)?.trim();
  const phrase = new Phrase(`${clause.slice(0, where.start)} ${clause.slice(where.end)}`.replace(/\s+/g, ' ').trim());
  const titled = (hit: { raw(i: number): string | undefined }) => ({
    title: (hit.raw(1) ?? '').trim(),
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
  const assign = phrase.find(ASSIGN);
  return assign ? ok({ ...titled(assign), names: splitNames(assign.raw(2) ?? '') }) : undefined;
}

/** What is done to the task, after "it": "mark it done", "set it to 50%", "make it due Friday", "assign it to Megan". */
function change(spec: PlannerUpdateSpec, who: string): string {
  if (spec.percent === 100) return 'mark it done';
  if (spec.percent === 0) return 'mark it not started';
  if (spec.percent !== undefined) return `set it to ${spec.percent}% done`;
  if (spec.due) return `make it due ${spec.due.label}`;
  return `assign it to ${who}`;
}

export const plannerUpdateIntent = domainIntent<PlannerUpdateSpec>({
  name: 'tasks.plannerUpdate',
  parse,
  async build(spec, ctx) {
    const resolved = await resolvePeople(spec.names, ctx.requester, ctx.directory);
    if (!resolved.ok) return resolved;
    if (resolved.value.some((p) => p.id === ''))
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
          },
          rationale: `Find "${spec.title}"${where || ' among your Planner tasks'} and ${what}.`,
        },
      ],
    });
  },
});
