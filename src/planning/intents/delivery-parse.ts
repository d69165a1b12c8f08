import { splitNames } from '../extract/people';
import * as text from '../messages';
import { ok, refuse, type Result } from '../result';
import { deliveryVerb, destinationFrom } from './destination';
import type { DeliverySpec } from './specs';
import { SUMMARY_WORD } from './summary-parse';

const VERB = /^(e-?mail|mail|message|dm|im|chat|ping|send|forward|post|put|drop|share)\s+(.+)$/i;
const IT =
  '(?:it|that|this|them|those|the\\s+(?:summary|recap|digest|results?|overview|highlights|gist|rundown|round-?up|key\\s+points|main\\s+points))';
const IT_THEN_TARGET = new RegExp(`^${IT}(?:\\s+(to|into|in|with|on)\\s+(.+))?$`, 'i');
const TARGET_THEN_IT = new RegExp(`^(.+?)\\s+${IT}(\\s+(?:on|in|via|over)\\s+(?:microsoft\\s+)?teams)?$`, 'i');
const TARGET_ONLY = /^(to|into|in|with|on)\s+(.+)$/i;

/**
 * Understand "… and post it to General", "then email it to Megan", "send Megan the summary":
 * where the summary asked for just before should go. Undefined when the clause is not that.
 */
export function parseDelivery(clause: string): Result<DeliverySpec> | undefined {
  const match = VERB.exec(clause.trim());
  if (!match) return undefined;
  const verb = deliveryVerb((match[1] ?? '').toLowerCase());
  const rest = match[2] ?? '';
  const itThenTarget =
    IT_THEN_TARGET.exec(rest) ?? (SUMMARY_WORD.test(rest.toLowerCase()) ? null : TARGET_ONLY.exec(rest));
  if (itThenTarget) {
    const [, marker, target] = itThenTarget;
    if (!marker || !target) return refuse(verb === 'post' || verb === 'share' ? text.NO_CHANNEL : text.NO_RECIPIENT);
    const destination = destinationFrom(marker.toLowerCase(), target, verb);
    return destination ? ok({ kind: 'delivery', destination }) : undefined;
  }
  const targetThenIt = TARGET_THEN_IT.exec(rest);
  // "message Megan on Teams: can you review it" is a chat whose text ends in "it", not a delivery.
  if (
    targetThenIt &&
    (verb === 'mail' || verb === 'send' || verb === 'chat') &&
    !/:|\b(?:saying|chat|teams)\b/i.test(targetThenIt[1] ?? '')
  ) {
    const names = splitNames(targetThenIt[1] ?? '');
    const chat = verb === 'chat' || targetThenIt[2] !== undefined;
    return ok({ kind: 'delivery', destination: chat ? { kind: 'chat', names } : { kind: 'people', names } });
  }
  return undefined;
}
