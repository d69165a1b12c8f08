import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import type { LlmClient } from '../../llm/port';
import { display } from '../common/display';
import { mailMessage } from '../common/schemas';
import { callModel, composeInvalid } from './call';
import { messagesField, messagesPhrase, optionalField, sourcesRead } from './describe';
import { nowLine, systemMessage, trustedLine, userMessage } from './prompt';
import { capSources, sourceRefs, usedIds } from './sources';

export const DRAFT_KINDS = ['email', 'post', 'document'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

export const composeDraftInput = z.object({
  kind: z.enum(DRAFT_KINDS),
  /** What to write, in the requester's words. */
  instructions: z.string().trim().min(1).max(2000),
  sources: z.array(mailMessage).optional(),
  tone: z.enum(['neutral', 'friendly', 'formal']).optional(),
});
export type ComposeDraftInput = z.infer<typeof composeDraftInput>;

export const composeDraftOutput = z.object({ subject: z.string(), body: z.string(), sourceIds: z.array(z.string()) });
export type ComposeDraftOutput = z.infer<typeof composeDraftOutput>;

// 255 is what mail.send accepts as a subject; 20,000 what a channel post accepts.
const answer = z.object({
  subject: z.string().trim().max(255),
  body: z.string().trim().min(1).max(20_000),
  sourceIds: z.array(z.string()).max(100),
});

const ANSWER_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['subject', 'body', 'sourceIds'],
  properties: {
    subject: { type: 'string', description: 'Email subject or document title; "" for a post.' },
    body: { type: 'string', description: 'The text, plain (no Markdown, no HTML); blank lines between paragraphs.' },
    sourceIds: {
      type: 'array',
      items: { type: 'string' },
      description: 'Ids of the messages the text uses; [] when none.',
    },
  },
};

const TASK = `Your task: draft text the requester asked for, of one of these kinds:
- email: a subject (under 100 characters) and a body with a greeting and a sign-off in the requester's name. Recipients are decided elsewhere; do not name new ones.
- post: a Microsoft Teams channel post; the body only, and subject "".
- document: a title as the subject, and a body in short sections.
Follow the requester's instructions and tone. Plain text, no Markdown or HTML.`;

const KIND_WORDS: Readonly<Record<DraftKind, string>> = {
  email: 'an email',
  post: 'a channel post',
  document: 'a document',
};

/** Draft an email, a channel post or a document with the language model (one call, no side effect). */
export function composeDraft(llm: LlmClient): ActionSpec<ComposeDraftInput, ComposeDraftOutput> {
  const system = systemMessage(TASK);
  return {
    name: 'compose.draft',
    description:
      'Draft an email (subject and body), a Teams channel post (body; subject "") or a document (title as subject, body) with the AI model from the requester\'s instructions, optionally using mail messages (as returned by mail.search) as sources. Returns the text and the ids of the messages it used. Sends nothing: pass subject and body to mail.send, or body as the text of teams.postChannelMessage.',
    input: composeDraftInput,
    output: composeDraftOutput,
    risk: 'compose',
    permissions: { delegated: [], application: [] },
    editable: [{ name: 'instructions', label: 'Instructions', kind: 'multiline' }],
    literalFields: ['instructions', 'kind', 'tone'],
    describe(input) {
      const kind =
        typeof input.kind === 'string' && input.kind in KIND_WORDS ? KIND_WORDS[input.kind as DraftKind] : 'a text';
      const hasSources = input.sources !== undefined && !(Array.isArray(input.sources) && input.sources.length === 0);
      return {
        title: `Draft ${kind} with AI${hasSources ? ` from ${messagesPhrase(input.sources)}` : ''}`,
        target: 'A draft for you (nothing is sent)',
        reads: hasSources ? `Your instructions, and the ${sourcesRead(input.sources)}` : 'Your instructions only',
        fields: [
          { label: 'Kind', value: display(input.kind) },
          { label: 'Instructions', value: display(input.instructions) },
          ...optionalField('Tone', input.tone),
          ...(hasSources ? [messagesField(input.sources)] : []),
        ],
      };
    },
    async run(input, ctx) {
      const shown = capSources(input.sources ?? []);
      const request = [
        `Write ${KIND_WORDS[input.kind]} (kind: ${input.kind}).`,
        ...trustedLine("The requester's instructions", input.instructions),
        `Tone: ${input.tone ?? 'neutral'}.`,
        ...trustedLine('The requester (write on their behalf)', ctx.actor.name),
        nowLine(ctx),
      ];
      const { answer: a, usage } = await callModel(llm, {
        system,
        user: userMessage(
          request,
          shown,
          `Now write the ${input.kind} as JSON: {"subject": …, "body": …, "sourceIds": […]}.`,
        ),
        schemaName: 'compose_draft',
        jsonSchema: ANSWER_SCHEMA,
        answer,
        maxTokens: 4000,
        signal: ctx.signal,
      });
      if (input.kind !== 'post' && a.subject.length === 0)
        throw composeInvalid(`compose_draft: empty subject for ${input.kind}`);
      const sourceIds = usedIds(a.sourceIds, shown);
      return {
        output: { subject: input.kind === 'post' ? '' : a.subject, body: a.body, sourceIds },
        provenance: sourceIds,
        sources: sourceRefs(sourceIds, shown),
        usage,
      };
    },
  };
}
