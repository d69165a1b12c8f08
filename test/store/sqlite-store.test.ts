import type { TaskStore } from '../../src/engine/ports';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { describeTaskStoreContract } from './contract';
import { useTempDbPaths } from './temp-dir';

const newPath = useTempDbPaths('store');
let file = '';

describeTaskStoreContract(
  'sqlite (temp file)',
  async () => {
    file = newPath();
    return openSqliteStore(file);
  },
  {
    reopen: async (store: TaskStore) => {
      await store.close();
      return openSqliteStore(file);
    },
  },
);

describeTaskStoreContract('sqlite (:memory:)', () => openSqliteStore(':memory:'));
