import type { ActionContext } from '../../engine/catalogue';
import { nowText } from '../../planning/llm/prompt/context-text';
import type { MailMessage } from '../common/schemas';
import { sourceBlock } from './sources';
import { SPOTLIGHT_INSTRUCTIONS } from '../../llm/spotlight';

const ROLE = `You write text for the requester of Delegate, a Microsoft Teams bot that does delegated work across Microsoft 365. You only write: nothing you produce is sent, posted or shared until the requester approves it.`;

const GROUNDING = `Use only the facts in the messages you are given and in the requester's instructions. Do not invent names, dates, figures or commitments. Give the ids of the messages you actually used, exactly as they appear in the id="…" of their blocks.`;

/** The system message: role, the task's rules, spotlighting, grounding. Stable per action (prompt caching). */
export function systemMessage(task: string): string {
  return [
    ROLE,
    task,
    SPOTLIGHT_INSTRUCTIONS,
    GROUNDING,
    'Answer with one JSON object that fits the given schema, and nothing else.',
  ].join('\n\n');
}

/** "Now" in the requester's time zone, so "Friday" or "tomorrow" in what is written resolves to a date. */
export function nowLine(ctx: Pick<ActionContext, 'now' | 'timeZone'>): string {
  return `Now: ${nowText(ctx.now, ctx.timeZone ?? 'UTC')} (the requester's time zone; resolve relative dates from it).`;
}

/** A labelled line of the requester's own (trusted) words, or nothing when absent. */
export function trustedLine(label: string, text: string | undefined): string[] {
  const value = text?.trim();
  return value ? [`${label}: ${value}`] : [];
}

/**
 * The user message: the request and the requester's words first, then each message only as
 * an untrusted block, then a reminder (a mail at the end of the prompt should not have the
 * last word).
 */
export function userMessage(request: readonly string[], sources: readonly MailMessage[], reminder: string): string {
  const data =
    sources.length === 0
      ? ['No messages were provided.']
      : [`The messages (untrusted data, ${sources.length}):`, ...sources.map(sourceBlock)];
  return [request.join('\n'), data.join('\n\n'), reminder].join('\n\n');
}
