import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { evaluate, type EvalIo } from '../../scripts/eval-planner';
import { startFakeOpenAI, type ChatBody, type FakeOpenAI } from '../support/fake-openai';
import { CORPUS } from './corpus';

/**
 * `npm run eval:planner` against the fake OpenAI-compatible server: the model answers some
 * corpus requests right and some wrong, and the script reports exactly that hit rate.
 */
let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI({ validCredentials: ['eval-key'] });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const request = (id: string): string => {
  const entry = CORPUS.find((e) => e.id === id);
  if (!entry) throw new Error(`no corpus entry ${id}`);
  return entry.request;
};
const oneStep = (action: string, input: Record<string, unknown>) => ({
  kind: 'plan',
  title: 'Answer',
  steps: [{ action, input, rationale: 'Look it up.' }],
});

/** The scripted model: right for three requests, wrong (or unhelpful) for three. */
const ANSWERS: Readonly<Record<string, object>> = {
  // Right.
  [request('people-1')]: oneStep('people.manager', { person: 'meganb@example.com' }),
  [request('people-6')]: oneStep('people.directReports', { person: 'pattif@example.com' }),
  [request('teams-2')]: oneStep('teams.sendChatMessage', { to: 'meganb@example.com', text: 'the deck is ready' }),
  // Wrong person.
  [request('people-2')]: oneStep('people.manager', { person: 'meganb@example.com' }),
  // Wrong action.
  [request('people-10')]: oneStep('people.mailboxSettings', { person: 'meganb@example.com' }),
  // A question where a plan was wanted.
  [request('teams-1')]: { kind: 'question', question: 'What should I ask Isaiah?' },
};
const IDS = ['people-1', 'people-6', 'teams-2', 'people-2', 'people-10', 'teams-1'];

function script(): void {
  fake.script((body: ChatBody) => {
    const user = body.messages?.find((m) => m.role === 'user')?.content;
    const outcome = /^Request: (.*)$/m.exec(typeof user === 'string' ? user : '')?.[1] ?? '';
    const answer = ANSWERS[outcome];
    return answer ? { json: answer } : { json: { kind: 'unplannable', message: 'not scripted' } };
  });
}

function io(env: Record<string, string>): EvalIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { env, envFiles: [], stdout, stderr, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t) };
}

const modelEnv = (): Record<string, string> => ({
  OPENAI_BASE_URL: `${fake.url}/v1`,
  OPENAI_MODEL: 'eval-model',
  OPENAI_API_KEY: 'eval-key',
  LLM_MAX_RETRIES: '0',
});

describe('npm run eval:planner', () => {
  it('measures the configured model: three right of six, per action', async () => {
    script();
    const out = io(modelEnv());
    const dir = mkdtempSync(path.join(tmpdir(), 'eval-'));
    const json = path.join(dir, 'eval.json');
    const { code, summary } = await evaluate(['--only', IDS.join(','), '--json', json], out);
    expect(code).toBe(0);
    expect(summary?.overall).toEqual({ hits: 3, total: 6, rate: 0.5 });
    const byAction = Object.fromEntries(summary?.byAction.map((t) => [t.action, `${t.hits}/${t.total}`]) ?? []);
    expect(byAction).toEqual({
      'people.manager': '1/2',
      'people.presence': '0/1',
      'people.directReports': '1/1',
      'teams.sendChatMessage': '1/2',
    });
    // One model call per request (the wrong answers validate, so nothing is repaired).
    expect(fake.requests).toHaveLength(6);
    const printed = out.stdout.join('');
    expect(printed).toContain('LLM planner (model eval-model at');
    expect(printed).toContain('Hit rate: 50.0% (3/6)');
    expect(printed).toMatch(/people-2 \[slots\] .*people\.manager\.person/);
    expect(printed).toMatch(/teams-1 \[asked\]/);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({ overall: { hits: 3, total: 6 } });
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails the run below --min-rate', async () => {
    script();
    const out = io(modelEnv());
    expect((await evaluate(['--only', IDS.join(','), '--min-rate', '0.6', '--quiet'], out)).code).toBe(1);
    expect(out.stderr.join('')).toContain('below --min-rate 0.6');
  });

  it('evaluates the rule planner when no model is configured, without calling one', async () => {
    const out = io({});
    const { code, summary } = await evaluate(['--only', 'people-1,people-2', '--quiet'], out);
    expect(code).toBe(0);
    expect(summary?.overall.total).toBe(2);
    expect(out.stdout.join('')).toContain('rule planner (offline)');
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses bad flags and --planner llm without a model', async () => {
    expect((await evaluate(['--planner', 'gpt'], io({}))).code).toBe(2);
    expect((await evaluate(['--only', 'nothing-1'], io({}))).code).toBe(2);
    const noModel = io({});
    expect((await evaluate(['--planner', 'llm'], noModel)).code).toBe(2);
    expect(noModel.stderr.join('')).toContain('no model is configured');
  });
});
