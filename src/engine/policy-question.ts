import type { ActionSpec } from './catalogue';
import type { Scope, Step } from './model';
import type { PolicyQuestion } from './ports';
import { referencedItems, refsIn } from './refs';

/**
 * What policy is asked about one step: its action and risk, whether a guard flagged it, and the
 * facts of its reach (external recipients, audience, content from Microsoft 365, sharing links).
 * The same question when a plan is made and when a dry run replays stored tasks.
 */
export function policyQuestion(
  step: Step,
  spec: ActionSpec | undefined,
  requesterId: string,
  scope: Scope | undefined,
  audience: Readonly<Record<string, number>> = {},
  earlier: readonly Step[] = [],
): PolicyQuestion {
  const destinations = spec?.destinations?.(step.resolvedInput ?? step.input) ?? [];
  const flags = step.flags ?? [];
  // A send that passes on an item carrying attachments (a forward of a message with files) includes them.
  const sends = destinations.some((d) => d.kind === 'recipient');
  const hasAttachments = sends && referencedItems(step.input, earlier).some((item) => item.hasAttachments === true);
  const channelSizes = destinations
    .filter((d) => d.kind === 'channel')
    .map((d) => audience[d.value])
    .filter((n): n is number => n !== undefined);
  return {
    action: step.action,
    risk: step.risk,
    flagged: flags.length > 0,
    facts: {
      externalRecipients: flags.some((f) => f.code === 'external_recipient'),
      recipientCount: destinations.filter((d) => d.kind === 'recipient' || d.kind === 'attendee').length,
      untrustedSource: refsIn(step.input).length > 0,
      sharingLink: destinations.some((d) => d.kind === 'sharing'),
      ...(hasAttachments ? { hasAttachments: true } : {}),
      ...(channelSizes.length > 0 ? { channelMembers: Math.max(...channelSizes) } : {}),
    },
    requesterId,
    scope: { kind: scope?.kind ?? 'personal', teamId: scope?.teamId, channelId: scope?.channelId },
  };
}
