import { randomUUID } from 'node:crypto';
import { onBehalfOfTokens } from '../../src/graph/on-behalf-of';
import { SignInRequiredError } from '../../src/graph/errors';
import { isSignInInvoke } from '../../src/teams/signin/signin-invokes';
import { ALEX, MEGAN, PersonalChat, type TeamsUser } from '../http/activities';
import { CONNECTION, startSignInRig, type SignInRig } from './signin-harness';

let rig: SignInRig;
beforeAll(async () => {
  rig = await startSignInRig();
});
afterAll(() => rig.stop());

/** A Teams sign-in invoke in a personal chat, as Teams sends it. */
function signInInvoke(user: TeamsUser, name: string, value: Record<string, unknown>): Record<string, unknown> {
  const message = new PersonalChat(rig.services.url, user).message('');
  return { ...message, type: 'invoke', name, value, text: undefined, textFormat: undefined };
}

describe('signin/tokenExchange (Teams SSO)', () => {
  it('answers 200 once the SSO token is exchanged, and the person then has a token for Graph', async () => {
    rig.services.allowExchange('alex-teams-sso', 'alex-api-token');

    const response = await rig.post(
      signInInvoke(ALEX, 'signin/tokenExchange', {
        id: randomUUID(),
        connectionName: CONNECTION,
        token: 'alex-teams-sso',
      }),
    );

    expect(response.status).toBe(200);
    await expect(rig.tokens.tokenFor(ALEX.aadObjectId)).resolves.toBe('alex-api-token');
  });

  it('answers 412 with the exchange failure when the token cannot be exchanged (Teams shows the sign-in card)', async () => {
    const id = randomUUID();

    const response = await rig.post(
      signInInvoke(MEGAN, 'signin/tokenExchange', { id, connectionName: CONNECTION, token: 'needs-consent' }),
    );

    expect(response.status).toBe(412);
    expect(response.body).toEqual({ id, connectionName: CONNECTION, failureDetail: expect.any(String) });
    await expect(rig.tokens.tokenFor(MEGAN.aadObjectId)).resolves.toBeUndefined();
  });

  it('answers 412 for a token of another connection, even when the exchange went through', async () => {
    rig.services.allowExchange('alex-teams-sso-2', 'alex-api-token-2');
    const id = randomUUID();

    const response = await rig.post(
      signInInvoke(ALEX, 'signin/tokenExchange', { id, connectionName: 'someone-elses', token: 'alex-teams-sso-2' }),
    );

    expect(response).toEqual({
      status: 412,
      body: { id, connectionName: CONNECTION, failureDetail: 'The token is for another connection.' },
    });
  });
});

describe('signin/tokenExchange without the exchange middleware', () => {
  it('is not taken on trust: 412 while the token service holds no token for the person', async () => {
    const bare = await startSignInRig({ ssoMiddleware: false });
    try {
      bare.services.allowExchange('alex-teams-sso', 'alex-api-token');
      const invoke = {
        ...signInInvoke(ALEX, 'signin/tokenExchange', {
          id: 'x1',
          connectionName: CONNECTION,
          token: 'alex-teams-sso',
        }),
        serviceUrl: bare.services.url,
      };

      const response = await bare.post(invoke);

      expect(response).toEqual({
        status: 412,
        body: { id: 'x1', connectionName: CONNECTION, failureDetail: expect.any(String) },
      });
      expect(bare.services.tokenRequests.some((r) => r.includes('/api/usertoken/exchange'))).toBe(false);
    } finally {
      await bare.stop();
    }
  });
});

describe('signin/verifyState (after the sign-in link)', () => {
  it('redeems the one-time code: 200, and the token is there', async () => {
    const user: TeamsUser = { ...MEGAN, id: '29:megan-second-client', aadObjectId: randomUUID() };
    rig.services.pendingCode('482913', user.id, CONNECTION, 'megan-api-token');

    const response = await rig.post(signInInvoke(user, 'signin/verifyState', { state: '482913' }));

    expect(response.status).toBe(200);
    await expect(rig.tokens.tokenFor(user.aadObjectId)).resolves.toBe('megan-api-token');
  });

  it('answers 404 for a code that yields no token', async () => {
    const user: TeamsUser = { ...MEGAN, id: '29:megan-third-client', aadObjectId: randomUUID() };

    const response = await rig.post(signInInvoke(user, 'signin/verifyState', { state: '000000' }));

    expect(response.status).toBe(404);
    await expect(rig.tokens.tokenFor(user.aadObjectId)).resolves.toBeUndefined();
  });

  it('answers 500 when the token service refuses the bot', async () => {
    rig.services.failWith = 403;
    try {
      const response = await rig.post(signInInvoke(ALEX, 'signin/verifyState', { state: '123456' }));
      expect(response.status).toBe(500);
    } finally {
      rig.services.failWith = undefined;
    }
  });
});

describe('the gateway with BotUserTokens as its UserTokenSource', () => {
  it('asks for a sign-in (never the app) when the person has no token, and exchanges their token when they do', async () => {
    const user: TeamsUser = { ...ALEX, id: '29:alex-other-tenant-client', aadObjectId: randomUUID() };
    await rig.post(new PersonalChat(rig.services.url, user).message('hello'));
    const assertions: string[] = [];
    const obo = {
      userTokens: rig.tokens,
      credentialFor: (assertion: string) => ({
        getToken: async () => (
          assertions.push(assertion),
          { token: `graph-for-${assertion}`, expiresOnTimestamp: Date.now() + 3_600_000 }
        ),
      }),
    };
    const tokens = onBehalfOfTokens(user.aadObjectId, obo, ['https://graph.microsoft.com/.default']);

    await expect(tokens()).rejects.toThrow(SignInRequiredError);
    rig.services.signIn(user.id, CONNECTION, 'sso-assertion');
    await expect(tokens()).resolves.toBe('graph-for-sso-assertion');
    expect(assertions).toEqual(['sso-assertion']);
  });
});

describe('isSignInInvoke', () => {
  it('recognises exactly the two sign-in invokes', () => {
    expect([
      isSignInInvoke({ type: 'invoke', name: 'signin/verifyState' }),
      isSignInInvoke({ type: 'invoke', name: 'signin/tokenExchange' }),
      isSignInInvoke({ type: 'invoke', name: 'adaptiveCard/action' }),
      isSignInInvoke({ type: 'message', name: 'signin/verifyState' }),
    ]).toEqual([true, true, false, false]);
  });
});
