import type { TaskStore } from '../../src/engine/ports';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { describeTaskStoreContract } from './contract';
import { useTempDbPaths } from './temp-dir';
import { describeTwoInstances } from './two-instances';

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

describeTwoInstances('sqlite', async () => {
  const shared = newPath();
  return [await openSqliteStore(shared), await openSqliteStore(shared)];
});

describe('sqlite: quotas and buckets are shared by every connection to the file', () => {
  it('counts reservations and tokens taken through two connections together', async () => {
    const shared = newPath();
    const [one, two] = [await openSqliteStore(shared), await openSqliteStore(shared)];
    try {
      const at = '2025-03-03T10:00:00.000Z';
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          (i % 2 ? one : two).reserveQuota({ key: 'tasks:user:u:2025-03-03', limit: 5, holder: `h${i}`, at }),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(5);
      const now = new Date(at);
      const tokens = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 ? one : two).takeToken({ key: 'rate:user:u', capacity: 4, refillPerSecond: 1, now }),
        ),
      );
      expect(tokens.filter((t) => t.ok)).toHaveLength(4);
    } finally {
      await one.close();
      await two.close();
    }
  });
});
