import { createCatalogue } from '../../src/actions';
import type { FilesCreateOutput } from '../../src/actions/files/create';
import type { ActionSpec } from '../../src/engine/catalogue';
import { createGraphGateway } from '../../src/graph';
import { recordingLogger } from '../graph/log';
import { startLossyProxy, type LossyProxy } from '../graph/proxy';
import { alex, NOW, useSandbox } from './sandbox-harness';

const sandbox = useSandbox();
let proxy: LossyProxy;
let create: ActionSpec;

beforeAll(async () => {
  proxy = await startLossyProxy(sandbox().sandbox.url);
  const gateway = createGraphGateway({
    baseUrl: proxy.baseUrl,
    auth: { kind: 'sandbox' },
    timeoutMs: 5000,
    maxRetries: 3,
    baseDelayMs: 20,
    logger: recordingLogger(),
  });
  const spec = createCatalogue(gateway).get('files.create');
  if (!spec) throw new Error('no files.create');
  create = spec;
});
beforeEach(() => {
  proxy.forwarded.length = 0;
});
afterAll(() => proxy.close());

const run = (input: Record<string, unknown>, attempt: number) =>
  create.run(create.input.parse(input), { idempotencyKey: 'lost-step', actor: alex, attempt, now: NOW });

async function names(prefix: string): Promise<string[]> {
  const { value } = await sandbox().read<{ value: Array<{ name: string }> }>(alex.upn, '/me/drive/root/children');
  return value.map((i) => i.name).filter((n) => n.startsWith(prefix));
}

const puts = (): string[] => proxy.forwarded.filter((l) => l.startsWith('PUT'));

describe('files.create when the answer to its simple PUT is lost', () => {
  it('does not resend a rename PUT blindly: the next attempt finds the file it made', async () => {
    const input = { path: 'Lost answer.docx', content: '# Notes\n- one', conflictBehavior: 'rename' };
    proxy.sabotage(/^PUT .*Lost%20answer\.docx:\/content$/, 504);
    await expect(run(input, 1)).rejects.toMatchObject({ status: 504, ambiguous: true });
    expect(puts()).toHaveLength(1);
    const retry = (await run(input, 2)).output as FilesCreateOutput;
    expect(retry).toMatchObject({ name: 'Lost answer.docx', created: false });
    expect(puts()).toHaveLength(1);
    expect(await names('Lost answer')).toEqual(['Lost answer.docx']);
  });

  it('replays a replace PUT in the same attempt: it converges on one file', async () => {
    proxy.sabotage(/^PUT .*Replaced\.txt:\/content$/, 'drop');
    const { output } = await run({ path: 'Replaced.txt', content: 'final text', conflictBehavior: 'replace' }, 1);
    expect(output).toMatchObject({ name: 'Replaced.txt', size: 10, created: true });
    expect(puts()).toHaveLength(2);
    expect(await names('Replaced')).toEqual(['Replaced.txt']);
  });
});
