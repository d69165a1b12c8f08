import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A fresh folder under os.tmpdir() for the current test file, removed after all its tests.
 * Returns a function giving a new database path inside it on each call.
 */
export function useTempDbPaths(prefix: string): () => string {
  let dir = '';
  let count = 0;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `delegate-${prefix}-`));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    count += 1;
    return path.join(dir, `db-${count}`, 'tasks.db');
  };
}
