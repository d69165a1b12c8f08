import { z } from 'zod';
import { RISK_CLASSES } from '../engine/model';
import { GLOB_PATTERN } from './glob';

/** An action-name pattern such as `mail.*` or `files.delete`. */
export const actionGlob = z
  .string()
  .regex(GLOB_PATTERN, 'must be an action name or pattern (letters, digits, ".", "_", "-", "*")');

/** An Entra user object id, or `group:<entra-group-id>` for everyone in a group. */
export const principal = z
  .string()
  .regex(/^(group:)?[A-Za-z0-9][A-Za-z0-9._@-]*$/, 'must be a user object id or "group:<entra-group-id>"');

const positiveInt = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .positive('must be at least 1');
/**
 * Boolean conditions accept only `true`: a rule matches steps that have the property. `false` would
 * read as "matches steps without it", which nobody means; the condition should be removed instead.
 */
const onlyTrue = z.literal(true, {
  error: 'only true is meaningful here (a rule matches steps that have this property); remove the condition instead',
});

/** When a rule applies: every condition given must hold. */
export const ruleWhen = z
  .strictObject({
    /** The step sends, invites or shares outside the organisation. */
    externalRecipients: onlyTrue.optional(),
    /** The step addresses more than this many recipients or attendees. */
    recipientsMoreThan: z
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .nonnegative('must be 0 or more')
      .optional(),
    /** The step posts to a channel with more than this many members. */
    channelMembersMoreThan: z
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .nonnegative('must be 0 or more')
      .optional(),
    /** The step sends or uploads attachments. */
    hasAttachments: onlyTrue.optional(),
    /** The step creates a sharing link. */
    sharingLink: onlyTrue.optional(),
    /** The step's input was derived from content read from Microsoft 365 (mail, files). */
    untrustedSource: onlyTrue.optional(),
    /** Only these actions (patterns). */
    actions: z.array(actionGlob).min(1).optional(),
    /** Only these risk classes. */
    risk: z.array(z.enum(RISK_CLASSES)).min(1).optional(),
  })
  .refine(
    (when) => Object.values(when).some((value) => value !== undefined),
    'needs at least one condition (use checkpoints: to gate a whole risk class)',
  );
/** When a rule applies: every condition given must hold. */
export type RuleWhen = z.infer<typeof ruleWhen>;

/** What a matching rule demands; the strictest demand of all matching rules wins. */
export const ruleRequire = z.strictObject({
  /** Stop at a checkpoint (default true; false only tightens approval when something else gates the step). */
  checkpoint: z.boolean().default(true),
  /** Approvals needed. */
  quorum: positiveInt.optional(),
  /** The requester may not approve their own step. */
  forbidSelfApproval: z.boolean().optional(),
  /** Refuse the step outright. */
  deny: z.boolean().optional(),
});
/** What a matching rule demands. */
export type RuleRequire = z.infer<typeof ruleRequire>;

/** A contextual rule; its id is shown on checkpoint cards as the reason a step is gated. */
export const rule = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be a short identifier (letters, digits, ".", "_", "-")'),
  /** Shown on cards instead of the generated explanation. */
  message: z.string().min(1).max(200).optional(),
  when: ruleWhen,
  require: ruleRequire.prefault({}),
});
/** A contextual rule. */
export type Rule = z.infer<typeof rule>;
