import type { Logger } from '../../src/engine/ports';
import type { GraphGateway, Query } from '../../src/graph/types';
import { nameLookup } from '../../src/people/lookups';

/** Display names for plan cards: one directory call per address for ten minutes, failures retried. */
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };

function directory() {
  const calls: string[] = [];
  let failing = false;
  const names: Record<string, string> = { 'meganb@example.com': 'Megan Bowen', 'adelev@example.com': 'Adele Vance' };
  const gateway = {
    forApp: () => ({
      async get(_path: string, query?: Query) {
        const address = /mail eq '(.*)'/.exec(String(query?.$filter))?.[1] ?? '';
        calls.push(address);
        await new Promise((resolve) => setTimeout(resolve, 2));
        if (failing) throw new Error('Graph is down');
        const name = names[address];
        return { value: name ? [{ mail: address, displayName: name }] : [] };
      },
    }),
  } as unknown as GraphGateway;
  return { gateway, calls, fail: (on: boolean) => (failing = on) };
}

describe('nameLookup', () => {
  it('looks each address up once, found or not, also when asked concurrently', async () => {
    const { gateway, calls } = directory();
    const lookup = nameLookup(gateway, quiet, () => 0);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => lookup(['meganb@example.com', 'dana@contoso.com'])),
    );
    expect(answers.every((a) => JSON.stringify(a) === JSON.stringify({ 'meganb@example.com': 'Megan Bowen' }))).toBe(
      true,
    );
    expect(await lookup(['MeganB@example.com', 'adelev@example.com'])).toEqual({
      'MeganB@example.com': 'Megan Bowen',
      'adelev@example.com': 'Adele Vance',
    });
    expect(calls).toEqual(['meganb@example.com', 'dana@contoso.com', 'adelev@example.com']);
  });

  it('asks again after ten minutes, and after a failure', async () => {
    const { gateway, calls, fail } = directory();
    let now = 0;
    const lookup = nameLookup(gateway, quiet, () => now);
    fail(true);
    expect(await lookup(['meganb@example.com'])).toEqual({});
    fail(false);
    expect(await lookup(['meganb@example.com'])).toEqual({ 'meganb@example.com': 'Megan Bowen' });
    now += 9 * 60_000;
    await lookup(['meganb@example.com']);
    expect(calls).toHaveLength(2);
    now += 2 * 60_000;
    await lookup(['meganb@example.com']);
    expect(calls).toHaveLength(3);
  });
});
