import type { Sandbox } from '../../src/sandbox';
import { SANDBOX_DIRECTORY } from '../../src/sandbox';
import { call, getAll, startTestSandbox } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

const names = (value: Array<{ displayName: string }>): string[] => value.map((u) => u.displayName).sort();

describe('directory', () => {
  it('lists the six Playground users with GUID ids and Graph default properties', async () => {
    const res = await call(sandbox, 'GET', '/users');
    expect(res.status).toBe(200);
    expect(res.json['@odata.context']).toMatch(/\$metadata#users$/);
    expect(names(res.json.value)).toEqual([
      'Adele Vance',
      'Alex Wilber',
      'Isaiah Langer',
      'Lynne Robbins',
      'Megan Bowen',
      'Patti Fernandez',
    ]);
    for (const u of res.json.value) {
      expect(u.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(u.mail).toMatch(/@example\.com$/);
      expect(u.jobTitle).toBeTruthy();
      expect(u.department).toBeUndefined();
    }
    expect(SANDBOX_DIRECTORY.users.map((u) => u.id).sort()).toEqual(
      res.json.value.map((u: { id: string }) => u.id).sort(),
    );
  });

  it('filters with startswith on several properties joined by or', async () => {
    const q = encodeURIComponent(
      "startswith(displayName,'meg') or startswith(givenName,'meg') or startswith(surname,'meg') or startswith(mail,'meg')",
    );
    const res = await call(sandbox, 'GET', `/users?$filter=${q}`);
    expect(names(res.json.value)).toEqual(['Megan Bowen']);
    const bySurname = await call(sandbox, 'GET', `/users?$filter=${encodeURIComponent("startswith(surname,'V')")}`);
    expect(names(bySurname.json.value)).toEqual(['Adele Vance']);
  });

  it('filters by exact mail, case-insensitively', async () => {
    const res = await call(sandbox, 'GET', `/users?$filter=${encodeURIComponent("mail eq 'PattiF@example.com'")}`);
    expect(names(res.json.value)).toEqual(['Patti Fernandez']);
  });

  it('answers an unreadable filter with 400', async () => {
    const res = await call(sandbox, 'GET', `/users?$filter=${encodeURIComponent("startswith(displayName,'x'")}`);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('Request_UnsupportedQuery');
  });

  it('needs ConsistencyLevel: eventual for $search, then matches word prefixes', async () => {
    const without = await call(sandbox, 'GET', `/users?$search=${encodeURIComponent('"displayName:lyn"')}`);
    expect(without.status).toBe(400);
    const res = await call(sandbox, 'GET', `/users?$search=${encodeURIComponent('"displayName:lyn"')}&$count=true`, {
      headers: { ConsistencyLevel: 'eventual' },
    });
    expect(res.status).toBe(200);
    expect(names(res.json.value)).toEqual(['Lynne Robbins']);
    expect(res.json['@odata.count']).toBe(1);
    const second = await call(sandbox, 'GET', `/users?$search=${encodeURIComponent('"displayName:robbins"')}`, {
      headers: { ConsistencyLevel: 'eventual' },
    });
    expect(names(second.json.value)).toEqual(['Lynne Robbins']);
  });

  it('honours $select and $top with a $skiptoken nextLink', async () => {
    const res = await call(sandbox, 'GET', '/users?$select=displayName,mail,department&$top=4');
    expect(res.json.value).toHaveLength(4);
    expect(Object.keys(res.json.value[0]).sort()).toEqual(['department', 'displayName', 'mail']);
    expect(res.json['@odata.nextLink']).toContain('$skiptoken=');
    const all = await getAll(sandbox, '/users?$top=4');
    expect(all).toHaveLength(6);
  });

  it('reads one user by id or UPN, and mailbox settings', async () => {
    const alex = SANDBOX_DIRECTORY.users[0]!;
    const byId = await call(sandbox, 'GET', `/users/${alex.id}`, { as: 'meganb@example.com' });
    expect(byId.json.displayName).toBe('Alex Wilber');
    const byUpn = await call(sandbox, 'GET', '/users/ALEXW@EXAMPLE.COM?$select=id,jobTitle');
    expect(byUpn.json).toMatchObject({ id: alex.id, jobTitle: alex.jobTitle });
    const settings = await call(sandbox, 'GET', '/me/mailboxSettings');
    expect(settings.json.timeZone).toBe('UTC');
    expect(settings.json.workingHours).toMatchObject({
      daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      startTime: '09:00:00.0000000',
      endTime: '17:00:00.0000000',
    });
  });
});
