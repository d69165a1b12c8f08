import fs from 'node:fs';
import path from 'node:path';
import { validateManifest } from '../../scripts/lib/manifest-rules';
import { LOCAL_PLACEHOLDER_IDS, packageApp } from '../../scripts/package-app';
import { parseCommand } from '../../src/teams/commands';
import { editManifest, PROVISIONED, readManifest, REPO, type TestManifest, useRepoCopies } from './fixture';

const copy = useRepoCopies();

/** Package a copy and return its problems (expecting failure). */
function problemsOf(root: string, env = 'local'): readonly string[] {
  const result = packageApp({ root, env, outDir: path.join(root, 'out') });
  if (result.ok) throw new Error('expected the package to be rejected');
  expect(fs.existsSync(path.join(root, 'out'))).toBe(false);
  return result.problems;
}

describe('the committed manifest', () => {
  it('packages for the local environment, with placeholder ids it announces', () => {
    const root = copy();
    const result = packageApp({ root: REPO, env: 'local', outDir: path.join(root, 'out') });
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.manifest.id).toBe(LOCAL_PLACEHOLDER_IDS.TEAMS_APP_ID);
    expect((result.manifest.bots as { botId: string }[])[0]?.botId).toBe(LOCAL_PLACEHOLDER_IDS.BOT_ID);
    expect((result.manifest.name as { short: string }).short).toBe('Delegatelocal');
    expect(result.notices.join('\n')).toMatch(/TEAMS_APP_ID is not set in env\/\.env\.local: using the placeholder/);
    expect(result.notices.join('\n')).toMatch(/BOT_ID is not set/);
  });

  it('uses a current schema and declares a conversational bot in all three scopes', () => {
    const manifest = readManifest(REPO);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    expect(Number(manifest.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(19);
    expect(manifest.id).toBe('${{TEAMS_APP_ID}}');
    const [bot, ...others] = manifest.bots;
    expect(others).toEqual([]);
    expect(bot).toMatchObject({
      botId: '${{BOT_ID}}',
      scopes: ['personal', 'team', 'groupChat'],
      supportsFiles: false,
      isNotificationOnly: false,
    });
  });

  it('lists help, tasks, status and cancel in every scope, each a command the bot parses', () => {
    const bot = readManifest(REPO).bots[0];
    for (const scope of ['personal', 'team', 'groupChat']) {
      const list = bot?.commandLists.find((l) => l.scopes.includes(scope));
      expect(list?.commands.map((c) => c.title)).toEqual(['help', 'tasks', 'status', 'cancel']);
      for (const command of list?.commands ?? []) {
        // A title is what Teams inserts when the command is picked: the bot must not read it as an outcome.
        expect(parseCommand(command.title).name).not.toBe('outcome');
        if (scope !== 'personal') expect(command.description).toMatch(/^@Delegate /);
      }
    }
    expect(parseCommand('status K7Q2MX')).toEqual({ name: 'status', taskId: 'K7Q2MX' });
  });

  it('packages for a real environment once provisioning has written the ids', () => {
    const root = copy();
    fs.writeFileSync(
      path.join(root, 'env', '.env.dev.user'),
      `TEAMS_APP_ID=${PROVISIONED.TEAMS_APP_ID}\nBOT_ID=${PROVISIONED.BOT_ID}\nBOT_DOMAIN=delegate-dev.azurewebsites.net\n`,
    );
    const result = packageApp({ root, env: 'dev', outDir: path.join(root, 'out') });
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.notices).toEqual([]);
    expect(result.manifest.id).toBe(PROVISIONED.TEAMS_APP_ID);
    expect((result.manifest.name as { short: string }).short).toBe('Delegatedev');
    expect(path.basename(result.zipPath)).toBe('appPackage.dev.zip');
  });

  it('packages production, whose app name has no suffix, once provisioning has written the ids and the domain', () => {
    const root = copy();
    fs.writeFileSync(
      path.join(root, 'env', '.env.prod.user'),
      `TEAMS_APP_ID=${PROVISIONED.TEAMS_APP_ID}\nBOT_ID=${PROVISIONED.BOT_ID}\nBOT_DOMAIN=delegate.azurewebsites.net\n`,
    );
    const result = packageApp({ root, env: 'prod', outDir: path.join(root, 'out') });
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect((result.manifest.name as { short: string }).short).toBe('Delegate');
    expect((result.manifest.webApplicationInfo as { resource: string }).resource).toBe(
      `api://delegate.azurewebsites.net/botid-${PROVISIONED.BOT_ID}`,
    );
  });

  it('refuses a real environment before provisioning, naming every place an empty id is used', () => {
    expect(problemsOf(copy(), 'dev')).toEqual([
      '/id: TEAMS_APP_ID is empty in env/.env.dev (`atk provision --env dev` writes it)',
      '/bots/0/botId: BOT_ID is empty in env/.env.dev (`atk provision --env dev` writes it)',
      // The official schema checks webApplicationInfo.id as a GUID too; the hand-written copy did not.
      '/webApplicationInfo/id: BOT_ID is empty in env/.env.dev (`atk provision --env dev` writes it)',
      // The Tasks tab's addresses (https:///tab/) and its valid domain.
      '/staticTabs/0/contentUrl: BOT_DOMAIN is empty in env/.env.dev (`atk provision --env dev` writes it)',
      '/staticTabs/0/websiteUrl: BOT_DOMAIN is empty in env/.env.dev (`atk provision --env dev` writes it)',
      '/validDomains/0: BOT_DOMAIN is empty in env/.env.dev (`atk provision --env dev` writes it)',
      // Schema-valid, but a wrong SSO address (api:///botid-): named too.
      '/webApplicationInfo/resource: BOT_DOMAIN is empty in env/.env.dev (`atk provision --env dev` writes it)',
      '/webApplicationInfo/resource: BOT_ID is empty in env/.env.dev (`atk provision --env dev` writes it)',
    ]);
  });
});

describe('manifest rules', () => {
  const valid = (): TestManifest => {
    const m = readManifest(REPO);
    return {
      ...m,
      id: PROVISIONED.TEAMS_APP_ID,
      name: { short: 'Delegate' },
      bots: m.bots.map((b) => ({ ...b, botId: PROVISIONED.BOT_ID })),
      webApplicationInfo: {
        id: PROVISIONED.BOT_ID,
        resource: `api://delegate-dev.azurewebsites.net/botid-${PROVISIONED.BOT_ID}`,
      },
    };
  };

  it('accept the committed manifest with real ids', () => {
    expect(validateManifest(valid())).toEqual([]);
  });

  it('reject command titles and descriptions over the schema limits (128 and 4000 characters)', () => {
    const m = valid();
    const command = m.bots[0]?.commandLists[0]?.commands[0];
    if (!command) throw new Error('no command');
    command.title = 'x'.repeat(129);
    command.description = 'y'.repeat(4001);
    expect(validateManifest(m)).toEqual([
      { path: '/bots/0/commandLists/0/commands/0/title', message: 'must be at most 128 characters' },
      { path: '/bots/0/commandLists/0/commands/0/description', message: 'must be at most 4000 characters' },
    ]);
  });

  it('reject more commands in a list than the schema allows, and a repeated title', () => {
    const m = valid();
    const list = m.bots[0]?.commandLists[0];
    if (!list) throw new Error('no list');
    list.commands = Array.from({ length: 13 }, (_, i) => ({ title: `c${i}`, description: 'd' }));
    expect(validateManifest(m)).toEqual([
      { path: '/bots/0/commandLists/0/commands', message: 'must hold at most 12 items' },
    ]);
    list.commands = [
      { title: 'help', description: 'a' },
      { title: 'Help', description: 'b' },
    ];
    expect(validateManifest(m)).toEqual([
      { path: '/bots/0/commandLists/0/commands', message: 'must not repeat a command title' },
    ]);
  });

  it('reject ids that are not GUIDs, over-long names and descriptions, and a bad accent colour', () => {
    const m = {
      ...valid(),
      id: 'not-a-guid',
      name: { short: 'D'.repeat(31) },
      description: { short: 's'.repeat(81), full: 'f' },
      accentColor: 'blue',
    };
    expect(validateManifest(m).map((p) => `${p.path}: ${p.message}`)).toEqual([
      '/id: must be a GUID',
      '/name/short: must be at most 30 characters',
      '/description/short: must be at most 80 characters',
      '/accentColor: must be a colour such as #3B5BDB',
    ]);
  });

  it('require one command list per declared scope, and no list for an undeclared one', () => {
    const m = valid();
    const bot = m.bots[0];
    if (!bot) throw new Error('no bot');
    bot.scopes = ['personal', 'team'];
    bot.commandLists = bot.commandLists.filter((l) => !l.scopes.includes('team'));
    expect(validateManifest(m)).toEqual([
      { path: '/bots/0/commandLists', message: 'needs exactly one list for scope team' },
      { path: '/bots/0/commandLists', message: 'lists commands for groupChat, which the bot does not declare' },
    ]);
  });

  it('reject a manifestVersion that disagrees with $schema, or one older than 1.19', () => {
    expect(validateManifest({ ...valid(), manifestVersion: '1.29' })).toEqual([
      { path: '/manifestVersion', message: 'is 1.29 but $schema is v1.30' },
    ]);
    expect(validateManifest({ ...valid(), manifestVersion: '1.17' })).toEqual([
      { path: '/manifestVersion', message: 'must be 1.19 or newer' },
    ]);
  });

  it('report every problem at once when packaging', () => {
    const root = copy();
    editManifest(root, (m) => {
      m.accentColor = 'blue';
      const command = m.bots[0]?.commandLists[1]?.commands[2];
      if (command) command.title = 'status of a task, by its short id '.repeat(4);
    });
    expect(problemsOf(root)).toEqual([
      '/accentColor: must be a colour such as #3B5BDB',
      '/bots/0/commandLists/1/commands/2/title: must be at most 128 characters',
    ]);
  });

  it('reject what the official schema knows and a hand-written copy did not: unknown properties, bad enums, a wrong type', () => {
    const m = valid();
    const bot = m.bots[0];
    if (!bot) throw new Error('no bot');
    bot.scopes = ['personal', 'meeting'];
    const extra = {
      ...m,
      developer: { ...(m.developer as object), email: 'x@example.com' },
      webApplicationInfo: 'id',
    };
    expect(validateManifest(extra)).toEqual([
      { path: '/developer/email', message: 'is not a property the schema allows here' },
      { path: '/bots/0/scopes/1', message: 'must be one of "team", "personal", "groupChat", "copilot"' },
      { path: '/webApplicationInfo', message: 'must be object' },
      { path: '/bots/0/commandLists', message: 'needs exactly one list for scope meeting' },
      { path: '/bots/0/commandLists', message: 'lists commands for team, which the bot does not declare' },
      { path: '/bots/0/commandLists', message: 'lists commands for groupChat, which the bot does not declare' },
    ]);
  });

  it("reject an app version that is not semver, with the schema's own semver pattern", () => {
    expect(validateManifest({ ...valid(), version: 'v1' })).toEqual([
      { path: '/version', message: 'must be a semver version such as 1.0.0' },
    ]);
    expect(validateManifest({ ...valid(), version: '2.10.3' })).toEqual([]);
  });

  it('reject a manifestVersion for which the schema package has no schema', () => {
    const m = {
      ...valid(),
      manifestVersion: '1.99',
      $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.99/MicrosoftTeams.schema.json',
    };
    expect(validateManifest(m)).toEqual([
      { path: '/manifestVersion', message: 'is 1.99, for which @microsoft/app-manifest has no schema' },
    ]);
  });
});
