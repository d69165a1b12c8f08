import { getEncoding } from 'js-tiktoken';
import { createCatalogue } from '../../src/actions';
import type { GraphGateway } from '../../src/graph/types';
import type { ChatRequest, ChatResult, LlmClient } from '../../src/llm/port';
import type { Directory } from '../../src/planning/directory';
import { LlmPlanner } from '../../src/planning/llm';
import { silentLogger } from '../../src/engine/fakes';

/** The goal for one planning call's messages (issue #17), with the full catalogue. */
export const PROMPT_TOKEN_GOAL = 5_000;

/** What one planning call sends, in tokens (o200k_base, the gpt-4o / o-series / gpt-5 encoding). */
export interface PromptSizeResult {
  readonly actions: number;
  /** System and user messages of a typical first planning call. */
  readonly messageTokens: number;
  readonly systemTokens: number;
  /** The part of the system prompt that is the same on every call (role, rules, actions): the cacheable prefix. */
  readonly stablePrefixTokens: number;
  /** The strict answer schema sent as `response_format` (services count it as input too). */
  readonly schemaTokens: number;
  readonly goal: number;
  readonly withinGoal: boolean;
}

const noGraph = new Proxy({} as GraphGateway, {
  get: () => () => {
    throw new Error('no Graph in the prompt bench');
  },
});

const directory: Directory = {
  findPeople: async () => [
    { id: 'u-megan', displayName: 'Megan Bowen', mail: 'meganb@example.com', userPrincipalName: 'meganb@example.com' },
  ],
  findChannels: async () => [
    { teamId: 't-1', teamName: 'Mark 8 Project Team', channelId: 'c-1', channelName: 'General' },
    { teamId: 't-1', teamName: 'Mark 8 Project Team', channelId: 'c-2', channelName: 'Research and Development' },
  ],
};

/** Capture one planning call's request without sending it anywhere. */
class CapturingLlm implements LlmClient {
  request: ChatRequest | undefined;
  async complete(request: ChatRequest): Promise<ChatResult> {
    this.request = request;
    return {
      content: JSON.stringify({
        kind: 'question',
        question: 'Which mail?',
        options: [],
        title: null,
        steps: null,
        message: null,
      }),
      usage: { promptTokens: 0, completionTokens: 0, calls: 1 },
      model: 'capture',
    };
  }
}

/** Tokens of a typical first planning call with the full catalogue (compose actions included). */
export async function promptSizeSection(log: (line: string) => void): Promise<PromptSizeResult> {
  const llm = new CapturingLlm();
  const catalogue = createCatalogue(noGraph, { llm });
  const planner = new LlmPlanner({ llm, catalogue, directory, logger: silentLogger });
  await planner.plan({
    outcome: 'Email Megan Bowen a summary of my unread mail from Contoso this week',
    requester: { id: 'u-alex', name: 'Alex Wilber', upn: 'alexw@example.com' },
    scope: { kind: 'personal', conversationId: 'a:1' },
    now: new Date('2026-11-25T15:00:00Z'),
    timeZone: 'America/Los_Angeles',
  });
  const request = llm.request;
  if (!request) throw new Error('the planner made no call');
  const encoding = getEncoding('o200k_base');
  const count = (text: string): number => encoding.encode(text).length;
  const system = request.messages.find((m) => m.role === 'system')?.content ?? '';
  const messageTokens = request.messages.reduce((sum, m) => sum + count(m.content), 0);
  const stable = system.slice(0, system.indexOf('## Context'));
  const result: PromptSizeResult = {
    actions: catalogue.list().length,
    messageTokens,
    systemTokens: count(system),
    stablePrefixTokens: count(stable),
    schemaTokens: count(JSON.stringify(request.jsonSchema?.schema ?? {})),
    goal: PROMPT_TOKEN_GOAL,
    withinGoal: messageTokens < PROMPT_TOKEN_GOAL,
  };
  log(
    `   ${result.actions} actions: ${messageTokens} tokens of messages per planning call (goal < ${PROMPT_TOKEN_GOAL}: ${result.withinGoal ? 'met' : 'MISSED'}), ` +
      `${result.stablePrefixTokens} of them a stable prefix; strict answer schema ${result.schemaTokens} tokens`,
  );
  return result;
}
