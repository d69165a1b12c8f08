import {
  decision as decisionSchema,
  task as taskSchema,
  type Decision,
  type Step,
  type Task,
} from '../../src/engine/model';
import type { UsageEntry } from '../../src/engine/ports';

/**
 * Test data builders shared by the store contract suite and the engine tests. Each call gives
 * a fresh, valid object (validated with the model's zod schemas) with a new id; overrides are
 * shallow and must keep it valid.
 */

let taskCounter = 0;
let decisionCounter = 0;

/** The fixed time builders use unless overridden. */
export const FIXED_TIME = '2025-03-03T09:00:00.000Z';

/** A step in its initial state. `id` defaults to 's1'. */
export function makeStep(overrides: Partial<Step> = {}): Step {
  const id = overrides.id ?? 's1';
  return {
    id,
    action: 'mail.search',
    input: { from: 'contoso.com', since: '2025-02-24' },
    rationale: "Find this week's mail from Contoso.",
    risk: 'read',
    gate: 'auto',
    status: 'pending',
    attempts: 0,
    idempotencyKey: `key-${id}`,
    provenance: [],
    approvedBy: [],
    ...overrides,
  };
}

/**
 * A valid task awaiting plan approval in a personal chat, with a two-step plan (a read, then a
 * checkpointed write whose input references the first step's output).
 */
export function makeTask(overrides: Partial<Task> = {}): Task {
  taskCounter += 1;
  const id = overrides.id ?? `T${String(taskCounter).padStart(4, '0')}`;
  const base: Task = {
    schemaVersion: 1,
    id,
    title: 'Summarise Contoso mail',
    outcome: "Summarise this week's mail from Contoso and send it to Megan",
    requester: { id: 'aad-adele', name: 'Adele Vance', upn: 'AdeleV@contoso.example' },
    owner: 'aad-adele',
    approvers: ['aad-adele'],
    scope: { kind: 'personal', conversationId: 'conv-adele' },
    conversation: { conversation: { id: 'conv-adele' }, serviceUrl: 'https://smba.example/teams/' },
    status: 'awaiting_plan_approval',
    plan: {
      version: 1,
      createdAt: FIXED_TIME,
      steps: [
        makeStep({ id: 's1', idempotencyKey: `${id}:s1` }),
        makeStep({
          id: 's2',
          action: 'mail.send',
          input: { to: ['MeganB@contoso.example'], subject: 'Contoso this week', body: { $ref: 's1.summary' } },
          rationale: 'Send the summary to Megan.',
          risk: 'write-internal',
          gate: 'checkpoint',
          idempotencyKey: `${id}:s2`,
        }),
      ],
    },
    version: 0,
    createdAt: FIXED_TIME,
    updatedAt: FIXED_TIME,
    stepsRun: 0,
  };
  return taskSchema.parse({ ...base, ...overrides });
}

/** A valid approval of step s2 of `taskId` by its requester. */
export function makeDecision(overrides: Partial<Decision> & { taskId?: string } = {}): Decision {
  decisionCounter += 1;
  const base: Decision = {
    id: `D${String(decisionCounter).padStart(4, '0')}`,
    taskId: 'T0001',
    stepId: 's2',
    planVersion: 1,
    actor: 'aad-adele',
    verb: 'approve',
    at: FIXED_TIME,
  };
  return decisionSchema.parse({ ...base, ...overrides });
}

let usageCounter = 0;

/** A valid usage record for task T0001 by Adele in tenant `tenant-a`, with a new entry id. */
export function makeUsage(overrides: Partial<UsageEntry> = {}): UsageEntry {
  usageCounter += 1;
  return {
    entryId: `U${String(usageCounter).padStart(4, '0')}`,
    taskId: 'T0001',
    requesterId: 'aad-adele',
    tenantId: 'tenant-a',
    at: FIXED_TIME,
    usage: { promptTokens: 100, completionTokens: 20, calls: 1 },
    ...overrides,
  };
}
