import type pg from 'pg';

/** Run `work` in one transaction on one pooled connection; rolled back if it throws. */
export async function pgTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollback: unknown) => {
      broken = rollback instanceof Error ? rollback : new Error('rollback failed');
    });
    throw error;
  } finally {
    // A connection whose rollback failed is destroyed, never reused.
    client.release(broken);
  }
}
