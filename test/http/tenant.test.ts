import { TestAdapter } from 'botbuilder';
import { silentLogger } from '../../src/engine/fakes';
import { DelegateBot } from '../../src/teams/bot';
import type { InvokeHandler } from '../../src/teams/invoke-handler';
import type { MessageHandler } from '../../src/teams/message-handler';
import { startApp } from './app-harness';
import { PersonalChat } from './activities';

describe('who may talk to the bot', () => {
  function botFor(tenant: string | undefined, seen: string[]): DelegateBot {
    const messages = {
      handle: async (context: { activity: { text?: string } }) => void seen.push(context.activity.text ?? ''),
    } as unknown as MessageHandler;
    return new DelegateBot(messages, {} as InvokeHandler, tenant, silentLogger);
  }

  it('refuses activities from other tenants when BOT_TENANT_ID is set', async () => {
    const seen: string[] = [];
    const bot = botFor('tenant-a', seen);
    const adapter = new TestAdapter((context) => bot.run(context));
    await adapter.send({ type: 'message', text: 'from a', conversation: { id: 'c', tenantId: 'tenant-a' } as never });
    await adapter.send({ type: 'message', text: 'from b', conversation: { id: 'c', tenantId: 'tenant-b' } as never });
    await adapter.send({ type: 'message', text: 'from nowhere', conversation: { id: 'c' } as never });
    expect(seen).toEqual(['from a']);
  });

  it('requires Bot Framework authentication when a bot identity is configured', async () => {
    const run = await startApp({
      BOT_ID: '00000000-0000-0000-0000-000000000001',
      BOT_PASSWORD: 'not-a-real-secret',
      DELEGATE_GRAPH: 'sandbox',
    });
    try {
      const chat = new PersonalChat(run.connector.url);
      const res = await run.post(chat.message('help'));
      expect(res.status).toBe(401);
      expect(run.connector.calls).toHaveLength(0);
    } finally {
      await run.stop();
    }
  });
});
