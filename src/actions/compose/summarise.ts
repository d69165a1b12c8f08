import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import type { LlmClient } from '../../llm/port';
import { mailMessage } from '../common/schemas';
import { callModel } from './call';
import { messagesField, messagesPhrase, optionalField, readsLine } from './describe';
import { nowLine, systemMessage, trustedLine, userMessage } from './prompt';
import { capSources, sourceRefs, usedIds } from './sources';

export const composeSummariseInput = z.object({
  items: z.array(mailMessage),
  /** What to focus on, in the requester's words. */
  instructions: z.string().max(1000).optional(),
  title: z.string().min(1).max(200).optional(),
  maxWords: z.number().int().min(20).max(1000).default(200),
});
export type ComposeSummariseInput = z.infer<typeof composeSummariseInput>;

export const composeSummariseOutput = z.object({ summary: z.string(), sourceIds: z.array(z.string()) });
export type ComposeSummariseOutput = z.infer<typeof composeSummariseOutput>;

const answer = z.object({ summary: z.string().trim().min(1).max(20_000), sourceIds: z.array(z.string()).max(100) });

const ANSWER_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['summary', 'sourceIds'],
  properties: {
    summary: { type: 'string', description: 'The summary, plain text; short paragraphs or "- " bullets.' },
    sourceIds: { type: 'array', items: { type: 'string' }, description: 'Ids of the messages the summary uses.' },
  },
};

const TASK = `Your task: summarise mail messages for the requester. Say what matters (decisions, requests, deadlines, open questions) and who said it. Group related messages. Plain text, no Markdown headings.`;

/** Compose a summary of mail messages with the language model (one call, no side effect). */
export function composeSummarise(llm: LlmClient): ActionSpec<ComposeSummariseInput, ComposeSummariseOutput> {
  const system = systemMessage(TASK);
  return {
    name: 'compose.summarise',
    description:
      'Summarise mail messages (as returned by mail.search) with the AI model, optionally focusing on what the requester asks (instructions). Uses only those messages; returns the summary and the ids of the messages it used. No Microsoft 365 call; no side effect.',
    input: composeSummariseInput,
    output: composeSummariseOutput,
    risk: 'compose',
    permissions: { delegated: [], application: [] },
    literalFields: ['instructions', 'title'],
    editable: [
      { name: 'instructions', label: 'Focus on', kind: 'multiline' },
      { name: 'title', label: 'Title', kind: 'text' },
      { name: 'maxWords', label: 'At most (words)', kind: 'number' },
    ],
    describe(input) {
      return {
        title: `Summarise ${messagesPhrase(input.items)} with AI`,
        target: 'A summary for you (nothing is sent)',
        reads: readsLine(input.items),
        fields: [
          messagesField(input.items),
          ...optionalField('Focus on', input.instructions),
          ...optionalField('Title', input.title),
          { label: 'At most', value: `${typeof input.maxWords === 'number' ? input.maxWords : 200} words` },
        ],
      };
    },
    async run(input, ctx) {
      const heading = input.title ? `${input.title}\n` : '';
      const shown = capSources(input.items);
      // Nothing to summarise: say so without spending a model call.
      if (shown.length === 0)
        return { output: { summary: `${heading}No matching mail.`, sourceIds: [] }, provenance: [] };
      const request = [
        `Summarise the ${shown.length} messages below in at most ${input.maxWords} words.`,
        ...trustedLine("The requester's instructions (what to focus on)", input.instructions),
        ...trustedLine('Title of the summary', input.title),
        nowLine(ctx),
      ];
      const { answer: a, usage } = await callModel(llm, {
        system,
        user: userMessage(
          request,
          shown,
          `Now write the summary of the messages above as JSON: {"summary": …, "sourceIds": […]}.`,
        ),
        schemaName: 'compose_summary',
        jsonSchema: ANSWER_SCHEMA,
        answer,
        maxTokens: input.maxWords * 3 + 2000,
        signal: ctx.signal,
      });
      const sourceIds = usedIds(a.sourceIds, shown);
      return {
        output: { summary: `${heading}${a.summary}`, sourceIds },
        provenance: sourceIds,
        sources: sourceRefs(sourceIds, shown),
        usage,
      };
    },
  };
}
