import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import type { LlmClient } from '../../llm/port';
import { mailMessage, type MailMessage } from '../common/schemas';
import { callModel } from './call';
import { messagesField, messagesPhrase, readsLine } from './describe';
import { nowLine, systemMessage, userMessage } from './prompt';
import { capSources, sourceRefs, usedIds } from './sources';

export const composeActionItemsInput = z.object({ items: z.array(mailMessage) });
export type ComposeActionItemsInput = z.infer<typeof composeActionItemsInput>;

export const actionItem = z.object({
  text: z.string(),
  owner: z.string().optional(),
  due: z.string().optional(),
  /** The message the item comes from. */
  sourceId: z.string(),
});
/** One thing someone has to do, traced to the message that asks for it. */
export type ActionItem = z.infer<typeof actionItem>;

export const composeActionItemsOutput = z.object({
  items: z.array(actionItem),
  /** The items as a readable bullet list. */
  summary: z.string(),
  sourceIds: z.array(z.string()),
});
export type ComposeActionItemsOutput = z.infer<typeof composeActionItemsOutput>;

const MAX_ITEMS = 50;

const answer = z.object({
  items: z
    .array(
      z.object({
        text: z.string().trim().min(1).max(500),
        owner: z.string().trim().max(200).nullable(),
        due: z.string().trim().max(100).nullable(),
        sourceId: z.string(),
      }),
    )
    .max(MAX_ITEMS),
});

const ANSWER_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['text', 'owner', 'due', 'sourceId'],
        properties: {
          text: { type: 'string', description: 'What has to be done, one sentence.' },
          owner: { type: ['string', 'null'], description: 'Who has to do it, when the message says; else null.' },
          due: {
            type: ['string', 'null'],
            description: 'By when (YYYY-MM-DD when the message gives a date), when it says; else null.',
          },
          sourceId: { type: 'string', description: 'Id of the message that asks for it.' },
        },
      },
    },
  },
};

const TASK = `Your task: list the action items in mail messages: requests, commitments and deadlines that someone has to act on. One item per thing to do, each traced to the message it comes from. Do not list information that asks nothing of anyone. No action items is a valid answer.`;

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The items as a bullet list people can read on a card or in a mail. */
export function bulletList(items: readonly ActionItem[], shown: number): string {
  if (items.length === 0) return `No action items found in ${shown} message${shown === 1 ? '' : 's'}.`;
  return items
    .map((item) => {
      const details = [item.owner && `owner: ${oneLine(item.owner)}`, item.due && `due: ${oneLine(item.due)}`].filter(
        Boolean,
      );
      return `- ${oneLine(item.text)}${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
    })
    .join('\n');
}

function keepTraced(found: z.infer<typeof answer>['items'], shown: readonly MailMessage[]): ActionItem[] {
  const allowed = new Set(shown.map((m) => m.id));
  // An item that does not name a message it was shown cannot be traced: drop it.
  return found
    .filter((item) => allowed.has(item.sourceId))
    .map((item) => ({
      text: item.text,
      sourceId: item.sourceId,
      ...(item.owner ? { owner: item.owner } : {}),
      ...(item.due ? { due: item.due } : {}),
    }));
}

/** Extract action items from mail messages with the language model (one call, no side effect). */
export function composeActionItems(llm: LlmClient): ActionSpec<ComposeActionItemsInput, ComposeActionItemsOutput> {
  const system = systemMessage(TASK);
  return {
    name: 'compose.actionItems',
    description:
      'List the action items (what to do, owner and due date when stated, and the message each comes from) in mail messages (as returned by mail.search) with the AI model. Returns the items, a readable bullet list (summary) and the ids of the messages used. No Microsoft 365 call; no side effect.',
    input: composeActionItemsInput,
    output: composeActionItemsOutput,
    risk: 'compose',
    permissions: { delegated: [], application: [] },
    editable: [],
    describe(input) {
      return {
        title: `Find action items in ${messagesPhrase(input.items)} with AI`,
        target: 'A list for you (nothing is sent)',
        reads: readsLine(input.items),
        fields: [messagesField(input.items)],
      };
    },
    async run(input, ctx) {
      const shown = capSources(input.items);
      if (shown.length === 0)
        return {
          output: { items: [], summary: 'No action items: there were no messages.', sourceIds: [] },
          provenance: [],
        };
      const { answer: a, usage } = await callModel(llm, {
        system,
        user: userMessage(
          [`List the action items in the ${shown.length} messages below.`, nowLine(ctx)],
          shown,
          `Now answer with the action items as JSON: {"items": [{"text", "owner", "due", "sourceId"}]}.`,
        ),
        schemaName: 'compose_action_items',
        jsonSchema: ANSWER_SCHEMA,
        answer,
        maxTokens: 4000,
        signal: ctx.signal,
      });
      const items = keepTraced(a.items, shown);
      const sourceIds = usedIds(
        items.map((item) => item.sourceId),
        shown,
      );
      return {
        output: { items, summary: bulletList(items, shown.length), sourceIds },
        provenance: sourceIds,
        sources: sourceRefs(sourceIds, shown),
        usage,
      };
    },
  };
}
