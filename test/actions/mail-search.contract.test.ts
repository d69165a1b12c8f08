import { GraphError } from '../../src/graph/errors';
import type { MailSearchOutput } from '../../src/actions/mail/search';
import type { SummariseOutput } from '../../src/actions/text/summarise';
import { alex, megan, rejectionOf, useSandbox } from './sandbox-harness';

const sandbox = useSandbox();

async function meganWrites(subject: string, content: string): Promise<void> {
  await sandbox().call(megan.upn, 'POST', `/users/${megan.id}/sendMail`, {
    message: {
      subject,
      body: { contentType: 'Text', content },
      toRecipients: [{ emailAddress: { address: alex.upn } }],
    },
  });
}

describe('mail.search against the sandbox', () => {
  it('finds mail by sender name, newest first, with provenance', async () => {
    await meganWrites('Budget review', 'Hi Alex, the Q3 budget is ready. Please review.');
    const { output, provenance } = await sandbox().run('mail.search', { from: 'Megan' });
    const { messages, count } = output as MailSearchOutput;
    expect(count).toBe(messages.length);
    expect(messages.some((m) => m.subject === 'Budget review')).toBe(true);
    // Every match is from someone called Megan; the seeded injection corpus includes look-alike senders using her name.
    expect(messages.every((m) => m.from.address === megan.upn || m.from.name.includes('Megan'))).toBe(true);
    expect(messages.filter((m) => m.from.address === megan.upn).length).toBeGreaterThan(0);
    const times = messages.map((m) => Date.parse(m.receivedDateTime));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(provenance).toEqual(messages.map((m) => m.id));
  });

  it('finds mail from a company by its domain ("Contoso" → dana@contoso.com)', async () => {
    const { output } = await sandbox().run('mail.search', { from: 'Contoso' });
    const { messages } = output as MailSearchOutput;
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => /contoso/i.test(`${m.from.name} ${m.from.address}`))).toBe(true);
    expect(messages.some((m) => m.from.address === 'dana@contoso.com')).toBe(true);
  });

  it('applies read state, dates and top exactly', async () => {
    await meganWrites('Fresh note', 'Something new.');
    const { output } = await sandbox().run('mail.search', { unread: true, since: '2025-03-05T00:00:00Z', top: 50 });
    const { messages } = output as MailSearchOutput;
    expect(messages.some((m) => m.subject === 'Fresh note')).toBe(true);
    expect(
      messages.every((m) => !m.isRead && Date.parse(m.receivedDateTime) >= Date.parse('2025-03-05T00:00:00Z')),
    ).toBe(true);
    const limited = (await sandbox().run('mail.search', { top: 2 })).output as MailSearchOutput;
    expect(limited.count).toBe(2);
  });

  it('feeds text.summarise', async () => {
    await meganWrites('Launch plan', 'Hello Alex, the launch moves to April. More soon.');
    const found = (await sandbox().run('mail.search', { from: 'meganb@example.com' })).output as MailSearchOutput;
    const { output, provenance } = await sandbox().run('text.summarise', {
      items: found.messages,
      title: 'From Megan',
    });
    const { summary } = output as SummariseOutput;
    expect(summary).toContain('Launch plan:');
    expect(summary).toContain('Megan Bowen, 2025-03-05: the launch moves to April.');
    expect(provenance.length).toBeGreaterThan(0);
  });

  it('reports another mailbox as forbidden', async () => {
    const error = await rejectionOf(
      sandbox().run('mail.search', { from: 'Contoso' }, { actor: { ...megan, upn: alex.upn } }),
    );
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ code: 'graph_forbidden', status: 403 });
  });

  it('reports an unknown mailbox as not found', async () => {
    const error = await rejectionOf(
      sandbox().run('mail.search', {}, { actor: { ...alex, id: '00000000-0000-0000-0000-000000000000' } }),
    );
    expect(error).toMatchObject({ code: 'graph_not_found', status: 404 });
  });

  it('rides out throttling by waiting for Retry-After', async () => {
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: '/messages' });
    const started = Date.now();
    const { output } = await sandbox().run('mail.search', { from: 'Contoso' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect((output as MailSearchOutput).count).toBeGreaterThan(0);
  });
});
