import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { defaultCardsDirectory, type AdaptiveCard } from '../../src/teams/cards';
import { signInView, type SignInRequest } from '../../src/teams/views/signin';
import { VERB_SCHEMAS } from '../../src/teams/verbs';
import { actionsIn, cardProblems, factsOf, textsOf, unexpanded } from './card-checks';
import { HOSTILE_EXACT, HOSTILE_TITLE, SYNTAXES } from './hostile';

/** cards/signin.json expanded the way CardRenderer expands every template. */
const template = new ACData.Template(
  JSON.parse(readFileSync(path.join(defaultCardsDirectory(), 'signin.json'), 'utf8')) as object,
);
const render = (request: SignInRequest): AdaptiveCard =>
  template.expand({ $root: signInView(request) }) as AdaptiveCard;

const LINK = 'https://token.botframework.com/api/oauth/signin?signin=abc123&state=x%3Dy';

const fixtures: ReadonlyArray<readonly [string, SignInRequest, readonly string[]]> = [
  ['a plain sign-in prompt', { signInUrl: LINK }, []],
  [
    'a waiting step',
    {
      signInUrl: LINK,
      task: { id: 'K7QX2M', title: 'Email Megan a summary', planVersion: 2 },
      step: { id: 's3', title: 'Send an email to Megan Bowen' },
    },
    [],
  ],
  [
    'hostile titles',
    {
      signInUrl: LINK,
      task: { id: 'K7QX2M', title: HOSTILE_TITLE, planVersion: 1 },
      step: { id: 's1', title: HOSTILE_EXACT },
    },
    [HOSTILE_TITLE, HOSTILE_EXACT],
  ],
];

describe.each(fixtures)('the sign-in card for %s', (name, request, userText) => {
  const card = render(request);

  it('is a well-formed Adaptive Card 1.5 with no template left', () => {
    expect(cardProblems(card)).toEqual([]);
    expect(unexpanded(card, userText)).toEqual([]);
    if (userText.length === 0) expect(JSON.stringify(card)).not.toContain('${');
  });

  it('opens the https sign-in link, exactly', () => {
    const [signIn] = actionsIn(card).map((a) => a.action);
    // A Teams sign-in action: Teams opens the link and then sends signin/verifyState to the bot.
    expect(signIn).toMatchObject({
      type: 'Action.Submit',
      title: 'Sign in',
      data: { msteams: { type: 'signin', value: LINK } },
    });
  });

  it(request.task ? 'offers Retry of the waiting step with identifiers only' : 'has no Retry without a step', () => {
    const retry = actionsIn(card)
      .map((a) => a.action)
      .filter((a) => a.type === 'Action.Execute');
    if (!request.task || !request.step) return expect(retry).toEqual([]);
    expect(retry).toEqual([
      {
        type: 'Action.Execute',
        title: 'Retry',
        verb: 'retry',
        data: { taskId: request.task.id, planVersion: request.task.planVersion, stepId: request.step.id, card: 'task' },
      },
    ]);
    expect(VERB_SCHEMAS.retry.safeParse(retry[0]!.data).success).toBe(true);
  });

  it('shows task and step titles literally, and says why', () => {
    expect(textsOf(card)[0]).toBe('Sign in to continue');
    expect(textsOf(card).join(' ')).toMatch(/as you/);
    if (request.task && request.step) {
      expect(factsOf(card)).toEqual([
        { title: 'Task', value: request.task.title },
        { title: 'Step', value: request.step.title },
      ]);
    } else {
      expect(factsOf(card)).toEqual([]);
    }
    if (name === 'hostile titles')
      for (const syntax of SYNTAXES) expect(JSON.stringify(card)).toContain(JSON.stringify(syntax).slice(1, -1));
  });
});

describe('signInView', () => {
  it.each(['http://token.botframework.com/signin', 'javascript:alert(1)', 'not a url'])(
    'refuses the link %s',
    (link) => {
      expect(() => signInView({ signInUrl: link })).toThrow();
    },
  );
});
