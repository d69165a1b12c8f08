import { createCatalogue } from '../../../src/actions';
import type { Catalogue } from '../../../src/engine/catalogue';
import type { Logger, PlanRequest, PlanResult, StepDraft } from '../../../src/engine/ports';
import type { GraphGateway } from '../../../src/graph/types';
import type { Directory } from '../../../src/planning/directory';
import { LlmPlanner } from '../../../src/planning/llm';
import { NOW, PERSONAL, playgroundDirectory, REQUESTER } from '../playground';
import { ScriptedLlm, type Reply } from './scripted-llm';

/** Planning needs the catalogue's names, descriptions and schemas, never Graph. */
export const noGraph = new Proxy({} as GraphGateway, {
  get() {
    throw new Error('the planner must not call Graph');
  },
});

export const catalogue: Catalogue = createCatalogue(noGraph);

/** A logger that keeps every line, to check what is (and is not) logged. */
export class RecordingLogger implements Logger {
  constructor(
    readonly lines: { level: string; obj: object; msg?: string }[] = [],
    private readonly bindings: object = {},
  ) {}
  debug(obj: object, msg?: string): void {
    this.lines.push({ level: 'debug', obj: { ...this.bindings, ...obj }, msg });
  }
  info(obj: object, msg?: string): void {
    this.lines.push({ level: 'info', obj: { ...this.bindings, ...obj }, msg });
  }
  warn(obj: object, msg?: string): void {
    this.lines.push({ level: 'warn', obj: { ...this.bindings, ...obj }, msg });
  }
  error(obj: object, msg?: string): void {
    this.lines.push({ level: 'error', obj: { ...this.bindings, ...obj }, msg });
  }
  child(bindings: object): Logger {
    return new RecordingLogger(this.lines, { ...this.bindings, ...bindings });
  }
}

export interface Setup {
  readonly llm: ScriptedLlm;
  readonly planner: LlmPlanner;
  readonly logger: RecordingLogger;
}

export function setup(
  replies: readonly (Reply | object | string)[],
  directory: Directory = playgroundDirectory(),
): Setup {
  const llm = new ScriptedLlm(replies);
  const logger = new RecordingLogger();
  const planner = new LlmPlanner({ llm, catalogue, directory, logger });
  return { llm, planner, logger };
}

/** A plan request from Alex Wilber in a personal chat, on Wednesday 25 November 2026. */
export function requestFor(outcome: string, extra: Partial<PlanRequest> = {}): PlanRequest {
  return { outcome, requester: REQUESTER, scope: PERSONAL, now: NOW, timeZone: 'America/Los_Angeles', ...extra };
}

export function stepsOf(result: PlanResult): readonly StepDraft[] {
  if (result.kind !== 'plan') throw new Error(`expected a plan, got ${result.kind}: ${JSON.stringify(result)}`);
  return result.steps;
}

/** The model's answer for "Email Megan Bowen a summary of my unread mail from Contoso". */
export const SUMMARY_TO_MEGAN = {
  kind: 'plan',
  title: 'Email Megan Bowen a summary of unread mail from Contoso',
  steps: [
    {
      action: 'mail.search',
      input: { from: 'Contoso', unread: true },
      rationale: 'Find your unread mail from Contoso.',
    },
    {
      action: 'text.summarise',
      input: { items: { $ref: 's1.messages' }, title: 'Unread mail from Contoso' },
      rationale: 'Summarise it.',
    },
    {
      action: 'mail.send',
      input: {
        to: ['meganb@example.com'],
        subject: 'Summary of unread mail from Contoso',
        body: { $ref: 's2.summary' },
      },
      rationale: 'Send the summary to Megan.',
    },
  ],
} as const;

/** A plan answer with one mail.send step to `to`. */
export function sendTo(to: unknown, extra: Record<string, unknown> = {}): object {
  return {
    kind: 'plan',
    title: 'Send a note',
    steps: [
      { action: 'mail.send', input: { to, subject: 'Hello', body: 'Hi there', ...extra }, rationale: 'Send the note.' },
    ],
  };
}
