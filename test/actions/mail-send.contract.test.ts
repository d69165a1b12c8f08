import { IDEMPOTENCY_PROPERTY, type MailSendOutput } from '../../src/actions/mail/send';
import { createCatalogue } from '../../src/actions';
import { createGraphGateway } from '../../src/graph/gateway';
import { GraphError } from '../../src/graph/errors';
import { recordingLogger } from '../graph/log';
import { alex, megan, NOW, rejectionOf, useSandbox } from './sandbox-harness';

const sandbox = useSandbox();

interface Listed {
  value: Array<{ id: string; subject: string; isDraft: boolean; from?: { emailAddress: { address: string } } }>;
}

function subjectFilter(subject: string): string {
  return `$filter=${encodeURIComponent(`subject eq '${subject}'`)}`;
}

async function inbox(upn: string, id: string, subject: string): Promise<Listed['value']> {
  return (await sandbox().read<Listed>(upn, `/users/${id}/mailFolders/inbox/messages?${subjectFilter(subject)}`)).value;
}

async function folder(name: string, subject: string): Promise<Listed['value']> {
  return (
    await sandbox().read<Listed>(alex.upn, `/users/${alex.id}/mailFolders/${name}/messages?${subjectFilter(subject)}`)
  ).value;
}

const input = (subject: string) => ({ to: [megan.upn], subject, body: 'Hi Megan,\n\nThe summary is below.' });

describe('mail.send against the sandbox', () => {
  it("delivers to Megan's inbox and keeps a copy in Alex's Sent Items", async () => {
    const { output } = await sandbox().run('mail.send', input('Weekly summary'));
    const { messageId, sentAt } = output as MailSendOutput;
    const received = await inbox(megan.upn, megan.id, 'Weekly summary');
    expect(received).toHaveLength(1);
    expect(received[0]?.from?.emailAddress.address).toBe(alex.upn);
    const sent = await folder('sentitems', 'Weekly summary');
    expect(sent.map((m) => m.id)).toEqual([messageId]);
    expect(await folder('drafts', 'Weekly summary')).toEqual([]);
    expect(Date.parse(sentAt)).not.toBeNaN();
  });

  it('sends once when the step runs again with the same key', async () => {
    const ctx = { idempotencyKey: 'step-send-1' };
    const first = await sandbox().run('mail.send', input('Only once'), { ...ctx, attempt: 1 });
    const second = await sandbox().run('mail.send', input('Only once'), { ...ctx, attempt: 2 });
    expect(second.output).toMatchObject({ messageId: (first.output as MailSendOutput).messageId });
    expect(await inbox(megan.upn, megan.id, 'Only once')).toHaveLength(1);
    expect(await folder('sentitems', 'Only once')).toHaveLength(1);
  });

  it('sends the draft a failed attempt left behind instead of writing a new one', async () => {
    const draft = await sandbox().call<{ id: string }>(alex.upn, 'POST', `/users/${alex.id}/messages`, {
      subject: 'Left as draft',
      body: { contentType: 'Text', content: 'x' },
      toRecipients: [{ emailAddress: { address: megan.upn } }],
      singleValueExtendedProperties: [{ id: IDEMPOTENCY_PROPERTY, value: 'step-send-2' }],
    });
    const { output } = await sandbox().run('mail.send', input('Left as draft'), {
      idempotencyKey: 'step-send-2',
      attempt: 2,
    });
    expect(output).toMatchObject({ messageId: draft.id });
    expect(await inbox(megan.upn, megan.id, 'Left as draft')).toHaveLength(1);
    expect(await folder('drafts', 'Left as draft')).toEqual([]);
  });

  it('reconciles after a send that timed out but happened', async () => {
    const impatient = createCatalogue(
      createGraphGateway({
        baseUrl: sandbox().sandbox.url,
        auth: { kind: 'sandbox' },
        timeoutMs: 150,
        maxRetries: 3,
        logger: recordingLogger(),
      }),
    ).get('mail.send');
    if (!impatient) throw new Error('mail.send missing');
    await sandbox().fault({ latencyMs: 400, count: 1, pathContains: '/send' });
    const ctx = { idempotencyKey: 'step-send-3', actor: alex, now: NOW };
    const error = await rejectionOf(impatient.run(impatient.input.parse(input('Slow send')), { ...ctx, attempt: 1 }));
    expect(error).toMatchObject({ code: 'graph_timeout', ambiguous: true });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await sandbox().run('mail.send', input('Slow send'), { ...ctx, attempt: 2 });
    expect(await inbox(megan.upn, megan.id, 'Slow send')).toHaveLength(1);
  });

  it('rides out throttling on the send itself and still delivers once', async () => {
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: '/send' });
    const started = Date.now();
    await sandbox().run('mail.send', input('Throttled send'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(await inbox(megan.upn, megan.id, 'Throttled send')).toHaveLength(1);
  });

  it("refuses to send from someone else's mailbox", async () => {
    const error = await rejectionOf(
      sandbox().run('mail.send', input('Not mine'), { actor: { ...megan, upn: alex.upn } }),
    );
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ code: 'graph_forbidden', status: 403 });
    expect(await inbox(megan.upn, megan.id, 'Not mine')).toEqual([]);
  });

  it('reports an unknown mailbox as not found', async () => {
    const error = await rejectionOf(
      sandbox().run('mail.send', input('Nobody'), { actor: { ...alex, id: '00000000-0000-0000-0000-000000000000' } }),
    );
    expect(error).toMatchObject({ code: 'graph_not_found' });
  });

  it('previews exact recipients, subject and body, and references as "from step N"', () => {
    const preview = sandbox()
      .action('mail.send')
      .describe({ to: [megan.upn], cc: ['adelev@example.com'], subject: 'Hi', body: { $ref: 's2.summary' } });
    expect(preview.title).toBe('Send an email to meganb@example.com');
    expect(preview.fields).toEqual([
      { label: 'To', value: 'meganb@example.com' },
      { label: 'Cc', value: 'adelev@example.com' },
      { label: 'Subject', value: 'Hi' },
      { label: 'Message', value: '(from step 2)' },
    ]);
  });
});
