import type { TaskStore } from '../../src/engine/ports';
import { openPgStore } from '../../src/store/pg-store';
import { TEST_PG_URL, describeWithPostgres, useTestSchemas } from '../support/postgres';
import { describeTaskStoreContract } from './contract';

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
