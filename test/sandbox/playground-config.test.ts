import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SANDBOX_DIRECTORY } from '../../src/sandbox';

/**
 * `.m365agentsplayground.yml` must describe the sandbox tenant, or the ids the Playground puts on
 * activities will not resolve in the sandbox's Graph. The file is a flat YAML subset, read here
 * line by line (no YAML library is a declared dependency).
 */
const text = readFileSync(join(__dirname, '../../.m365agentsplayground.yml'), 'utf8');
const lines = text.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));

/** `key: value` pairs of the block starting at the line `header` (indented lines after it). */
function block(header: string): Array<Record<string, string>> {
  const start = lines.findIndex((l) => l === header);
  if (start < 0) throw new Error(`no block ${header}`);
  const items: Array<Record<string, string>> = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith(' ')) break;
    const m = /^\s*(-\s+)?([A-Za-z]+):\s*(.*)$/.exec(line);
    if (!m?.[2]) continue;
    if (m[1] || items.length === 0) items.push({});
    items[items.length - 1]![m[2]] = (m[3] ?? '').replace(/^"|"$/g, '');
  }
  return items;
}

const top = (key: string): string | undefined =>
  lines
    .find((l) => l.startsWith(`${key}:`))
    ?.slice(key.length + 1)
    .trim()
    .replace(/^"|"$/g, '');

describe('.m365agentsplayground.yml', () => {
  it('uses the Playground config version and the sandbox tenant and bot name', () => {
    expect(top('version')).toBe('0.1.1');
    expect(top('tenantId')).toBe(SANDBOX_DIRECTORY.tenantId);
    expect(block('bot:')[0]).toMatchObject({ name: 'Delegate' });
  });

  it('has Alex as the current user and the other five sandbox users, with their object ids', () => {
    const current = block('currentUser:')[0]!;
    const others = block('users:');
    expect(others).toHaveLength(5); // the Playground's schema requires exactly five
    const everyone = [current, ...others];
    expect(current.email).toBe('alexw@example.com');
    for (const user of SANDBOX_DIRECTORY.users) {
      const entry = everyone.find((e) => e.aadObjectId === user.id);
      expect(entry).toMatchObject({
        name: user.displayName,
        userPrincipleName: user.userPrincipalName,
        email: user.mail,
        givenName: user.givenName,
        surname: user.surname,
        id: user.teamsUserId,
      });
    }
    expect(new Set(everyone.map((e) => e.id)).size).toBe(6);
  });

  it('maps the team: id = General channel id, aadGroupId = Graph team id, Announcements channel', () => {
    const [general, announcements] = SANDBOX_DIRECTORY.team.channels;
    const team = block('team:');
    expect(team[0]).toMatchObject({
      id: general!.id,
      name: SANDBOX_DIRECTORY.team.displayName,
      aadGroupId: SANDBOX_DIRECTORY.team.id,
    });
    expect(team[1]).toEqual({ id: announcements!.id, name: 'Announcements' });
  });
});
