import { docxText } from '../../src/actions/files/formats/docx-text';
import { runScenario, useScenarioApp } from './harness';

interface Item {
  id: string;
  name: string;
  '@microsoft.graph.downloadUrl': string;
}
interface Permission {
  roles: string[];
  link?: { type: string; scope: string };
  grantedToIdentitiesV2?: Array<{ user: { email: string } }>;
}

const ALEX = 'alexw@example.com';

describe('scenarios: OneDrive outcomes, end to end', () => {
  const app = useScenarioApp();

  async function item(path: string): Promise<Item> {
    return app().graph<Item>(`/users/${ALEX}/drive/root:/${path.split('/').map(encodeURIComponent).join('/')}`);
  }

  it('saves a summary of unread Contoso mail to OneDrive as a Word document, once', async () => {
    const run = await runScenario(
      app(),
      'save a summary of my unread mail from Contoso to OneDrive as Contoso summary',
    );
    expect(run.task.status).toBe('completed');
    expect(run.checkpoints).toHaveLength(1);
    expect(run.cardsText).toContain('Contoso summary.docx');
    const children = await app().graph<{ value: Item[] }>(`/users/${ALEX}/drive/root/children`);
    expect(children.value.filter((i) => i.name.startsWith('Contoso summary')).map((i) => i.name)).toEqual([
      'Contoso summary.docx',
    ]);
    const file = await item('Contoso summary.docx');
    const text = docxText(Buffer.from(await (await fetch(file['@microsoft.graph.downloadUrl'])).arrayBuffer()));
    expect(text).toContain('Unread mail from Contoso');
    expect(text).toMatch(/contoso/i);
  });

  it('shares the Q3 planning workbook with Megan: a view link for her exists on the file', async () => {
    const run = await runScenario(app(), 'share the Q3 planning workbook with Megan');
    expect(run.task.status).toBe('completed');
    expect(run.checkpoints).toHaveLength(1);
    expect(run.cardsText).toContain('Q3 planning workbook.xlsx');
    const file = await item('Documents/Planning/Q3 planning workbook.xlsx');
    const perms = await app().graph<{ value: Permission[] }>(`/users/${ALEX}/drive/items/${file.id}/permissions`);
    const links = perms.value.filter((p) => p.link);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({
      roles: ['read'],
      link: { type: 'view', scope: 'users' },
      grantedToIdentitiesV2: [{ user: { email: 'meganb@example.com' } }],
    });
  });

  it('shares the spring launch brief with anyone only because it was asked for, flagged on the checkpoint', async () => {
    const run = await runScenario(app(), 'share the spring launch brief with anyone');
    expect(run.task.status).toBe('completed');
    expect(run.checkpoints).toHaveLength(1);
    expect(run.cardsText).toContain('Anyone with the link');
    const file = await item('Documents/Marketing/Spring launch brief.docx');
    const perms = await app().graph<{ value: Permission[] }>(`/users/${ALEX}/drive/items/${file.id}/permissions`);
    expect(perms.value.filter((p) => p.link).map((p) => p.link)).toEqual([
      expect.objectContaining({ type: 'view', scope: 'anonymous' }),
    ]);
  });

  it("answers what's in the spring launch brief by reading the document, changing nothing", async () => {
    const before = await app().graph<{ value: Item[] }>(
      `/users/${ALEX}/drive/recent?$select=id,name,lastModifiedDateTime`,
      // drive/recent is delegated only in Graph.
      ALEX,
    );
    const run = await runScenario(app(), "what's in the spring launch brief?");
    expect(run.task.status).toBe('completed');
    expect(run.checkpoints).toHaveLength(0);
    const read = run.task.plan.steps.find((s) => s.action === 'files.readText');
    expect(read?.status).toBe('succeeded');
    expect(JSON.stringify(read?.output)).toContain('The launch budget is 65,000 USD');
    const brief = await item('Documents/Marketing/Spring launch brief.docx');
    expect(read?.provenance).toEqual([brief.id]);
    const after = await app().graph<{ value: Item[] }>(
      `/users/${ALEX}/drive/recent?$select=id,name,lastModifiedDateTime`,
      // drive/recent is delegated only in Graph.
      ALEX,
    );
    expect(after.value).toEqual(before.value);
  });

  it('reads the spring launch brief and emails Megan a summary of it: her inbox gets the summary of that document', async () => {
    const run = await runScenario(app(), 'read the spring launch brief and email Megan a summary of it');
    expect(run.task.status).toBe('completed');
    const inbox = await app().graph<{ value: Array<{ subject: string; body: { content: string } }> }>(
      `/users/meganb@example.com/mailFolders/inbox/messages?$top=50`,
      'meganb@example.com',
    );
    const mail = inbox.value.find((m) => m.subject === 'Summary of spring launch brief');
    expect(mail).toBeDefined();
    expect(mail?.body.content).toMatch(/paragraph/);
  });
});
