import type { DateTime } from 'luxon';
import { addressOf, joinNames, resolvePeople, splitNames } from '../../extract/people';
import { ok, refuse, type Result } from '../../result';
import { Phrase } from '../../text/phrase';
import { domainIntent, namesLens } from '../domain';
import { findDue, type Due } from './due';
import { findTitle } from './title';

/** "Add a task 'Book venue' to the Spring launch plan for Megan due Friday". */
interface PlannerAddSpec {
  readonly title: string;
  readonly plan: string;
  readonly bucket?: string;
  readonly names: readonly string[];
  readonly due?: Due;
}

const VERB = /^(?:add|create|make|put|log|open)\s+(?:a\s+|an\s+)?(?:new\s+)?(?:planner\s+)?(?:task\s+)?/;
const PLAN = /\b(?:to|in|into|on|under)\s+(?:the\s+|our\s+|my\s+)?([^,;]+?)\s+plan\b/;
const BUCKET = /\b(?:in|into|under)\s+(?:the\s+)?([^,;]+?)\s+(?:bucket|column)\b/;
const ASSIGN = /\b(?:for|assigned\s+to|assign(?:\s+it)?\s+to|and\s+assign\s+(?:it\s+)?to)\s+/;
const NAMES_STOP = /\s+(?:due|by|before|on|in|to|into|with)\b|[,;]/;
const TITLE_STOP = /\s+(?:to|in|into|on|under|for|assigned|due|by|before)\s+/;

export const NEED_TITLE =
  'What should the task be called? For example: "Add a task \'Book venue\' to the Spring launch plan for Megan due Friday".';

const QUOTED_TITLE = /"[^"]{1,255}"/;

function parse(clause: string, now: DateTime): Result<PlannerAddSpec> | undefined {
  let phrase = new Phrase(clause);
  const verb = phrase.find(VERB);
  // A quoted title is the title, whatever words it holds ("send leads to sales").
  const quoted = phrase.find(QUOTED_TITLE);
  const plan = (quoted ? phrase.mask(quoted.start, quoted.end) : phrase).find(PLAN);
  if (!verb || verb.start !== 0 || !plan) return undefined;
  const planName = (plan.raw(1) ?? '').trim();
  const bucket = phrase.find(BUCKET);
  phrase = phrase.mask(plan.start, plan.end);
  if (bucket) phrase = phrase.mask(bucket.start, bucket.end);
  // The title follows the verb ("add a task Book venue to …") or the plan ("… plan to book the venue").
  const title =
    findTitle(phrase, verb.end, TITLE_STOP) ?? findTitle(phrase, Math.max(plan.end, bucket?.end ?? 0), TITLE_STOP);
  if (!title) return refuse(NEED_TITLE);
  phrase = phrase.mask(title.start, title.end);
  const due = findDue(phrase, now);
  if (due && !due.due.ok) return due.due;
  if (due) phrase = phrase.mask(due.start, due.end);
  const assign = phrase.find(ASSIGN);
  const names = assign ? splitNames(phrase.segment(assign.end, NAMES_STOP).text) : [];
  return ok({
    title: title.text,
    plan: planName,
    names,
    ...(bucket ? { bucket: (bucket.raw(1) ?? '').trim() } : {}),
    ...(due?.due.ok ? { due: due.due.value } : {}),
  });
}

export const plannerAddIntent = domainIntent<PlannerAddSpec>({
  name: 'tasks.plannerAdd',
  // "… for Adele and tell her on Teams": the assignees are who a later "her" means.
  people: namesLens<PlannerAddSpec>(),
  parse,
  async build(spec, ctx) {
    const resolved = await resolvePeople(spec.names, ctx.requester, ctx.directory);
    if (!resolved.ok) return resolved;
    const outside = resolved.value.find((p) => p.id === '');
    if (outside)
      return refuse(
        `${addressOf(outside)} is not in your organisation, and Planner tasks can only be assigned to members of the plan's group.`,
      );
    const who = joinNames(resolved.value.map((p) => (p.id === ctx.requester.id ? 'you' : p.displayName)));
    const when = spec.due ? `, due ${spec.due.label}` : '';
    return ok({
      title: `Add "${spec.title}" to the ${spec.plan} plan${who ? ` for ${who}` : ''}${when}`,
      steps: [
        {
          action: 'planner.createTask',
          input: {
            plan: spec.plan,
            title: spec.title,
            assignees: resolved.value.map(addressOf),
            ...(spec.bucket ? { bucket: spec.bucket } : {}),
            ...(spec.due ? { dueDateTime: spec.due.iso } : {}),
          },
          rationale: `Create the task in ${spec.plan}${who ? `, assigned to ${who}` : ''}${when}.`,
        },
      ],
    });
  },
});
