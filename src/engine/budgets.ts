import { DelegateError } from './errors';
import type { TokenUsage } from './model';
import type { UsageLog } from './ports';

/** Daily model-token budgets; unset means unlimited. */
export interface Budgets {
  readonly userDailyTokens?: number;
  readonly tenantDailyTokens?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Refuse more model work when the requester or their tenant spent its budget in the last 24 hours. */
export async function checkBudget(
  store: UsageLog,
  budgets: Budgets | undefined,
  who: { requesterId: string; tenantId?: string },
  now: Date,
): Promise<void> {
  if (!budgets || (budgets.userDailyTokens === undefined && budgets.tenantDailyTokens === undefined)) return;
  const since = new Date(now.getTime() - DAY_MS).toISOString();
  if (budgets.userDailyTokens !== undefined) {
    const used = total(await store.usageSince({ since, requesterId: who.requesterId }));
    if (used >= budgets.userDailyTokens) {
      throw new DelegateError(
        'user_input',
        'budget_exceeded',
        `You've used your daily allowance of ${budgets.userDailyTokens.toLocaleString('en-US')} model tokens. Try again tomorrow, or ask your admin to raise it.`,
      );
    }
  }
  if (budgets.tenantDailyTokens !== undefined && who.tenantId !== undefined) {
    const used = total(await store.usageSince({ since, tenantId: who.tenantId }));
    if (used >= budgets.tenantDailyTokens) {
      throw new DelegateError(
        'user_input',
        'budget_exceeded',
        "Your organisation has used today's allowance of model tokens. Try again tomorrow, or ask your admin to raise it.",
      );
    }
  }
}

export function total(usage: TokenUsage): number {
  return usage.promptTokens + usage.completionTokens;
}

/** Add two usages (either may be absent). */
export function addUsage(a: TokenUsage | undefined, b: TokenUsage | undefined): TokenUsage | undefined {
  if (!a) return b;
  if (!b) return a;
  return {
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    calls: a.calls + b.calls,
  };
}
