import { ok, type Result } from '../../result';
import { Phrase } from '../../text/phrase';
import { domainIntent } from '../domain';

/** "What are my planner tasks", "show the tasks in the Spring launch plan", "what's on my to do list". */
type ListSpec = (
  { readonly kind: 'planner'; readonly plan?: string } | { readonly kind: 'todo'; readonly list?: string }
) & { readonly includeCompleted?: true };

/** "…, including the completed ones", "incl. the done ones", "and the finished ones too". */
const WITH_DONE =
  /\s*,?\s+(?:including|incl\.?|with|plus|and)\s+(?:all\s+)?(?:the\s+)?(?:completed|done|finished|closed)(?:\s+ones|\s+tasks)?(?:\s+too)?$/i;

const ASK =
  "^(?:what\\s+are|what(?:'s|\\s+is)\\s+(?:left\\s+)?(?:on|in)|show(?:\\s+me)?|list|give\\s+me|tell\\s+me|check)\\s+";
const MY_PLANNER = new RegExp(
  `${ASK}(?:all\\s+)?(?:of\\s+)?my\\s+(?:open\\s+)?planner\\s+tasks$|^what\\s+(?:planner\\s+)?tasks\\s+(?:do\\s+i\\s+have|are\\s+assigned\\s+to\\s+me)(?:\\s+in\\s+planner)?$`,
);
const PLAN_TASKS = new RegExp(`${ASK}(?:the\\s+)?(?:open\\s+)?(?:tasks\\s+(?:in|on|of)\\s+)?the\\s+([^,;]+?)\\s+plan$`);
const TODO = new RegExp(
  `${ASK}(?:all\\s+)?(?:of\\s+)?my\\s+(?:(?!to-?\\s?do)([^,;]+?)\\s+list|to-?\\s?do(?:\\s+list|s)?)$`,
);

function parse(clause: string): Result<ListSpec> | undefined {
  const done = WITH_DONE.exec(clause);
  const spec = parseList(done ? clause.slice(0, done.index) : clause);
  return spec?.ok && done ? ok({ ...spec.value, includeCompleted: true }) : spec;
}

function parseList(clause: string): Result<ListSpec> | undefined {
  const phrase = new Phrase(clause);
  if (phrase.find(MY_PLANNER)) return ok({ kind: 'planner' });
  const plan = phrase.find(PLAN_TASKS);
  if (plan) return ok({ kind: 'planner', plan: (plan.raw(1) ?? '').trim() });
  const todo = phrase.find(TODO);
  if (!todo) return undefined;
  const list = (todo.raw(1) ?? '').trim();
  return ok({ kind: 'todo', ...(list ? { list } : {}) });
}

export const listTasksIntent = domainIntent<ListSpec>({
  name: 'tasks.list',
  parse,
  async build(spec) {
    if (spec.kind === 'planner') {
      const what = spec.plan ? `the open tasks in the ${spec.plan} plan` : 'your open Planner tasks';
      return ok({
        title: `List ${what}`,
        steps: [
          {
            action: 'planner.listTasks',
            input: {
              ...(spec.plan ? { plan: spec.plan } : {}),
              ...(spec.includeCompleted ? { includeCompleted: true } : {}),
            },
            rationale: `Read ${what}.`,
          },
        ],
      });
    }
    const where = spec.list ? `your ${spec.list} list` : 'your To Do list';
    return ok({
      title: `List the open tasks on ${where}`,
      steps: [
        {
          action: 'todo.listTasks',
          input: {
            ...(spec.list ? { list: spec.list } : {}),
            ...(spec.includeCompleted ? { includeCompleted: true } : {}),
          },
          rationale: `Read ${where}.`,
        },
      ],
    });
  },
});
