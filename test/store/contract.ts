import type { TaskStore } from '../../src/engine/ports';
import { describeGovernanceContract } from './contract-governance';
import { describeInvolvingContract } from './contract-involving';
import { describeInboundContract } from './contract-inbound';
import { describeLeaseContract } from './contract-leases';
import { describeLedgerContract } from './contract-ledger';
import { describeLimitsContract } from './contract-limits';
import { describeRecordContract } from './contract-records';
import { describeScheduleContract } from './contract-schedules';
import type { ContractContext } from './contract-support';
import { describeStepWritesContract } from './contract-step-writes';
import { describeTaskContract } from './contract-tasks';
import { describeUsageContract } from './contract-usage';

/** Hooks an adapter's test file gives the contract suite. */
export interface TaskStoreContractOptions {
  /**
   * Close `store` and open the same storage again, to check that state survives. Omit for
   * stores that keep nothing across instances (the in-memory one); those tests are skipped.
   */
  readonly reopen?: (store: TaskStore) => Promise<TaskStore>;
}

/**
 * The behaviour every TaskStore adapter must have (DESIGN §2: one suite, every adapter).
 * `open` gives a fresh, empty store for each test; the suite closes it afterwards.
 */
export function describeTaskStoreContract(
  name: string,
  open: () => Promise<TaskStore>,
  options: TaskStoreContractOptions = {},
): void {
  describe(`TaskStore contract: ${name}`, () => {
    const ctx = {} as ContractContext;
    beforeEach(async () => {
      ctx.store = await open();
    });
    afterEach(async () => {
      await ctx.store.close();
    });

    describeTaskContract(ctx);
    describeStepWritesContract(ctx, options);
    describeInvolvingContract(ctx);
    describeLeaseContract(ctx);
    describeRecordContract(ctx, options);
    describeUsageContract(ctx, options);
    describeLedgerContract(ctx, options);
    describeGovernanceContract(ctx, options);
    describeLimitsContract(ctx, options);
    describeScheduleContract(ctx, options);
    describeInboundContract(ctx, options);
  });
}
