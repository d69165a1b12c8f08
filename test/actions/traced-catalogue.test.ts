import { tracedCatalogue } from '../../src/actions/traced';
import type { ExternalRequest } from '../../src/engine/catalogue';
import { alex, useSandbox, NOW, rejectionOf } from './sandbox-harness';

describe('the catalogue as the worker runs it', () => {
  const harness = useSandbox();

  it("reports every Graph request an action makes to its step, and only that step's", async () => {
    const catalogue = tracedCatalogue(harness().catalogue);
    const spec = catalogue.get('mail.search')!;
    const first: ExternalRequest[] = [];
    const second: ExternalRequest[] = [];
    const ctx = (into: ExternalRequest[]) => ({
      idempotencyKey: 'k',
      actor: alex,
      attempt: 1,
      now: NOW,
      onRequest: (r: ExternalRequest) => into.push(r),
    });
    await Promise.all([
      spec.run(spec.input.parse({ from: 'contoso.com' }), ctx(first)),
      spec.run(spec.input.parse({ from: 'fabrikam.com' }), ctx(second)),
    ]);
    for (const requests of [first, second]) {
      expect(requests.length).toBeGreaterThan(0);
      for (const r of requests)
        expect(r).toMatchObject({
          method: 'GET',
          path: expect.stringMatching(/^\/v1\.0\/users\//),
          status: 200,
          requestId: expect.any(String),
        });
      expect(requests.every((r) => !r.path.includes('?'))).toBe(true);
    }
  });

  it('refuses an action Graph allows only as the person when the deployment runs people as the app', async () => {
    const appOnly = tracedCatalogue(harness().catalogue, { userIdentity: 'app' });
    const post = appOnly.get('teams.sendChatMessage')!;
    expect(post.permissions.application).toEqual([]);
    const error = await rejectionOf(
      post.run({ to: 'meganb@example.com', text: 'hi' }, { idempotencyKey: 'k', actor: alex, attempt: 1, now: NOW }),
    );
    expect(error).toMatchObject({ code: 'graph_identity_unavailable' });
    // Actions with an application permission still run.
    const search = appOnly.get('mail.search')!;
    await expect(
      search.run(search.input.parse({ from: 'contoso.com' }), {
        idempotencyKey: 'k',
        actor: alex,
        attempt: 1,
        now: NOW,
      }),
    ).resolves.toBeDefined();
  });
});
