/** The governance policy file (DESIGN §1): schema, parser, evaluation, dry run. */
export {
  policySchema,
  DEFAULT_POLICY,
  type Policy,
  type PolicyInput,
  type ExpiryOutcome,
  type ChannelApprovers,
} from './schema';
export type { Rule, RuleWhen, RuleRequire } from './rule-schema';
export { parsePolicy, type ParseResult, type PolicyError } from './parse';
export { evaluateStep, ruleMatches } from './evaluate';
export { effectiveRules } from './effective';
export { describeRule, ruleReason } from './wording';
export { approversFor, type ScopeApprovers } from './approvers';
export { dryRun, type ChangedStep } from './dry-run';
export { summarizePolicy } from './summary';
export { policyWarnings } from './warnings';
export type { EvaluatedStepInput, GateReason, PolicyScope, StepFacts, StepVerdict } from './types';
