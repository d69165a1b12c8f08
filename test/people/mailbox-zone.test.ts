import type { Logger } from '../../src/engine/ports';
import { mailboxTimeZoneLookup } from '../../src/people/mailbox-zone';
import type { GraphGateway, GraphPort } from '../../src/graph/types';

const silent: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silent,
};

/** A gateway whose mailboxSettings answers come from `answers`, one per call, counting the calls. */
function gatewayAnswering(answers: Array<string | null | Error>): { gateway: GraphGateway; calls: string[] } {
  const calls: string[] = [];
  const port = {
    get: async (path: string) => {
      calls.push(path);
      const next = answers.shift();
      if (next instanceof Error) throw next;
      return { timeZone: next };
    },
  } as unknown as GraphPort;
  return { gateway: { forUser: () => port, forApp: () => port } as unknown as GraphGateway, calls };
}

describe('mailboxTimeZoneLookup: a person’s zone from Outlook, for messages that name none', () => {
  it('maps Windows names to IANA, keeps IANA names, and counts an unknown name as unknown (never UTC)', async () => {
    const { gateway } = gatewayAnswering(['Pacific Standard Time', 'Europe/Berlin', 'Nowhere Standard Time', null]);
    const zoneOf = mailboxTimeZoneLookup(gateway, silent);
    await expect(zoneOf('a')).resolves.toBe('America/Los_Angeles');
    await expect(zoneOf('b')).resolves.toBe('Europe/Berlin');
    await expect(zoneOf('c')).resolves.toBeUndefined();
    await expect(zoneOf('d')).resolves.toBeUndefined();
  });

  it('asks Graph once an hour per person, and asks again after a failure', async () => {
    let now = 0;
    const { gateway, calls } = gatewayAnswering([new Error('503'), 'UTC', 'Asia/Tokyo']);
    const zoneOf = mailboxTimeZoneLookup(gateway, silent, () => now);
    await expect(zoneOf('a')).resolves.toBeUndefined();
    await expect(zoneOf('a')).resolves.toBe('UTC');
    now += 59 * 60_000;
    await expect(zoneOf('a')).resolves.toBe('UTC');
    now += 2 * 60_000;
    await expect(zoneOf('a')).resolves.toBe('Asia/Tokyo');
    expect(calls).toEqual(Array(3).fill('/users/a/mailboxSettings'));
  });
});
