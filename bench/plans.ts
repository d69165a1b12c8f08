import type { HttpContext } from './http-context';
import { runLoad } from './http-client';
import { OUTCOME, planApproval, type CardTarget, type Chat } from './traffic';

/** Create `n` tasks awaiting plan approval through Delegate's front door; returns their Approve data. */
export async function createPlans(ctx: HttpContext, chats: readonly Chat[], n: number): Promise<CardTarget[]> {
  const plans: CardTarget[] = [];
  const perClient = Math.ceil(n / chats.length);
  const result = await runLoad({
    client: ctx.delegateClient,
    path: '/api/messages',
    clients: chats.length,
    requestsPerClient: perClient,
    body: (c, i) => (c * perClient + i < n ? chats[c]?.message(OUTCOME) : undefined),
    check: (reply) => void plans.push(planApproval(reply)),
  });
  if (plans.length < n)
    throw new Error(`created ${plans.length} of ${n} plans; first error: ${result.firstError ?? 'none'}`);
  return plans;
}
