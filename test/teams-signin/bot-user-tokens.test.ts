import { ALEX, MEGAN, PersonalChat } from '../http/activities';
import { TeamsUserIds } from '../../src/teams/signin/teams-user-ids';
import { CONNECTION, startSignInRig, type SignInRig } from './signin-harness';

let rig: SignInRig;
beforeAll(async () => {
  rig = await startSignInRig();
});
afterAll(() => rig.stop());
beforeEach(() => {
  rig.services.failWith = undefined;
});

describe('BotUserTokens over the Bot Framework token service', () => {
  it("gives a known person's token, asked for by their Teams id on the bot's connection", async () => {
    const chat = new PersonalChat(rig.services.url, ALEX);
    expect((await rig.post(chat.message('hello'))).status).toBe(200);
    rig.services.signIn(ALEX.id, CONNECTION, 'alex-sso-token');

    await expect(rig.tokens.tokenFor(ALEX.aadObjectId)).resolves.toBe('alex-sso-token');
    const asked = rig.services.tokenRequests.filter((r) => r.startsWith('GET /api/usertoken/GetToken'));
    const query = new URL(`http://x${asked.at(-1)?.slice(4) ?? ''}`).searchParams;
    expect([query.get('userId'), query.get('connectionName'), query.get('channelId'), query.has('code')]).toEqual([
      ALEX.id,
      CONNECTION,
      'msteams',
      false,
    ]);
  });

  it('gives undefined for a person seen but not signed in (the service answers 404)', async () => {
    const chat = new PersonalChat(rig.services.url, MEGAN);
    await rig.post(chat.message('hi'));
    expect(rig.tokens.teamsIdOf(MEGAN.aadObjectId)).toBe(MEGAN.id);

    await expect(rig.tokens.tokenFor(MEGAN.aadObjectId)).resolves.toBeUndefined();
  });

  it('gives undefined for a person never seen, without asking the service', async () => {
    const before = rig.services.tokenRequests.length;

    await expect(rig.tokens.tokenFor('00000000-0000-0000-0000-00000000dead')).resolves.toBeUndefined();
    expect(rig.services.tokenRequests).toHaveLength(before);
  });

  it('fails (not "signed out") when the token service fails, and says nothing of the request', async () => {
    rig.services.signIn(ALEX.id, CONNECTION, 'alex-sso-token');
    rig.services.failWith = 403;

    const failure = rig.tokens.tokenFor(ALEX.aadObjectId);
    await expect(failure).rejects.toThrow('the Bot Framework token service answered 403');
    await expect(failure).rejects.toEqual(expect.not.objectContaining({ cause: expect.anything() }));
  });
});

describe('TeamsUserIds', () => {
  it('keeps only Teams senders with an Entra object id', () => {
    const ids = new TeamsUserIds();
    ids.remember({ from: { id: '29:a', name: 'A', aadObjectId: 'oid-a' } });
    ids.remember({ from: { id: '28:bot', name: 'Bot', aadObjectId: 'oid-bot' } });
    ids.remember({ from: { id: '29:c', name: 'C' } });

    expect([ids.teamsIdOf('oid-a'), ids.teamsIdOf('oid-bot'), ids.size]).toEqual(['29:a', undefined, 1]);
  });

  it('forgets the person seen least recently once full', () => {
    const ids = new TeamsUserIds(2);
    ids.remember({ from: { id: '29:a', name: 'A', aadObjectId: 'oid-a' } });
    ids.remember({ from: { id: '29:b', name: 'B', aadObjectId: 'oid-b' } });
    ids.remember({ from: { id: '29:a', name: 'A', aadObjectId: 'oid-a' } });
    ids.remember({ from: { id: '29:c', name: 'C', aadObjectId: 'oid-c' } });

    expect([ids.teamsIdOf('oid-a'), ids.teamsIdOf('oid-b'), ids.teamsIdOf('oid-c'), ids.size]).toEqual([
      '29:a',
      undefined,
      '29:c',
      2,
    ]);
  });

  it('refuses a capacity that could not hold anyone', () => {
    expect(() => new TeamsUserIds(0)).toThrow(RangeError);
  });
});
