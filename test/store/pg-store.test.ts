import type { TaskStore } from '../../src/engine/ports';
import { openPgStore } from '../../src/store/pg-store';
import { TEST_PG_URL, describeWithPostgres, useTestSchemas } from '../support/postgres';
import { describeTaskStoreContract } from './contract';
import { describeTwoInstances } from './two-instances';

const newSchema = useTestSchemas('contract');
let schema = '';

describeWithPostgres('postgres store', () => {
  describeTaskStoreContract(
    'postgres (own schema per test)',
    async () => {
      schema = newSchema();
      return openPgStore(TEST_PG_URL, { schema, poolMax: 4 });
    },
    {
      reopen: async (store: TaskStore) => {
        await store.close();
        return openPgStore(TEST_PG_URL, { schema, poolMax: 4 });
      },
    },
  );
});

describeWithPostgres('postgres store, shared', () => {
  describeTwoInstances('postgres', async () => {
    const shared = newSchema();
    const first = await openPgStore(TEST_PG_URL, { schema: shared, poolMax: 2 });
    return [first, await openPgStore(TEST_PG_URL, { schema: shared, poolMax: 2 })];
  });
});
