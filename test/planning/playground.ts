import type { Person, Scope } from '../../src/engine/model';
import type { PlanResult, StepDraft } from '../../src/engine/ports';
import type { ChannelRef, Directory, DirectoryPerson } from '../../src/planning/directory';
import { MemoryDirectory, RulePlanner } from '../../src/planning';

/** Wednesday 25 November 2026, 15:00 UTC (07:00 in Los Angeles). */
export const NOW = new Date('2026-11-25T15:00:00Z');

function person(alias: string, displayName: string): DirectoryPerson {
  return { id: `id-${alias}`, displayName, mail: `${alias}@example.com`, userPrincipalName: `${alias}@example.com` };
}

/** The Agents Playground's default users. */
export const PEOPLE: readonly DirectoryPerson[] = [
  person('alexw', 'Alex Wilber'),
  person('meganb', 'Megan Bowen'),
  person('adelev', 'Adele Vance'),
  person('isaiahl', 'Isaiah Langer'),
  person('pattif', 'Patti Fernandez'),
  person('lynner', 'Lynne Robbins'),
];

export const MEGAN_SMITH = person('megans', 'Megan Smith');

export const GENERAL: ChannelRef = {
  teamId: 'team-1',
  teamName: 'My Team',
  channelId: 'chan-general',
  channelName: 'General',
};
export const ANNOUNCEMENTS: ChannelRef = {
  teamId: 'team-1',
  teamName: 'My Team',
  channelId: 'chan-announcements',
  channelName: 'Announcements',
};
export const CHANNELS: readonly ChannelRef[] = [GENERAL, ANNOUNCEMENTS];

export const REQUESTER: Person = { id: 'id-alexw', name: 'Alex Wilber', upn: 'alexw@example.com' };
export const PERSONAL: Scope = { kind: 'personal', conversationId: 'conv-1' };

export function playgroundDirectory(extraPeople: readonly DirectoryPerson[] = []): MemoryDirectory {
  return new MemoryDirectory([...PEOPLE, ...extraPeople], CHANNELS);
}

export interface PlanOptions {
  readonly timeZone?: string;
  readonly scope?: Scope;
  readonly directory?: Directory;
  readonly now?: Date;
}

export function planOf(outcome: string, options: PlanOptions = {}): Promise<PlanResult> {
  const planner = new RulePlanner({ directory: options.directory ?? playgroundDirectory() });
  return planner.plan({
    outcome,
    requester: REQUESTER,
    scope: options.scope ?? PERSONAL,
    now: options.now ?? NOW,
    timeZone: options.timeZone ?? 'UTC',
  });
}

/** The plan's steps; fails the test with the planner's message when it refused. */
export async function stepsOf(outcome: string, options: PlanOptions = {}): Promise<readonly StepDraft[]> {
  const result = await planOf(outcome, options);
  if (result.kind !== 'plan') throw new Error(`expected a plan for "${outcome}", got: ${JSON.stringify(result)}`);
  return result.steps;
}

/** The planner's refusal message; fails the test when it planned. */
/** The clarifying question (and its options) the planner asks instead of planning; fails the test otherwise. */
export async function questionOf(
  outcome: string,
  options: PlanOptions = {},
): Promise<{ question: string; options: readonly string[] }> {
  const result = await planOf(outcome, options);
  if (result.kind !== 'question')
    throw new Error(`expected a question for "${outcome}", got: ${JSON.stringify(result)}`);
  return { question: result.question, options: result.options ?? [] };
}

/**
 * What the planner says instead of planning: its refusal, or its question for a missing part
 * (which the task then waits on); fails the test when it planned.
 */
export async function refusalOf(outcome: string, options: PlanOptions = {}): Promise<string> {
  const result = await planOf(outcome, options);
  if (result.kind === 'unplannable') return result.message;
  if (result.kind === 'question') return result.question;
  throw new Error(`expected no plan for "${outcome}", got: ${JSON.stringify(result)}`);
}

/** The input of the step with this action (the only one). */
export function inputOf(steps: readonly StepDraft[], action: string): Record<string, unknown> {
  const matching = steps.filter((step) => step.action === action);
  if (matching.length !== 1 || !matching[0]) throw new Error(`expected one ${action} step, got ${matching.length}`);
  return matching[0].input;
}

export const actionsOf = (steps: readonly StepDraft[]): string[] => steps.map((step) => step.action);
