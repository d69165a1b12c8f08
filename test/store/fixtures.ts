import fs from 'node:fs';
import path from 'node:path';
import { loadTask } from '../../src/engine/upgrade';
import type { Task } from '../../src/engine/model';

/** test/fixtures: persisted shapes of every schema version, which must keep loading. */
export const FIXTURES_DIR = path.join(__dirname, '..', 'fixtures');

/** A fixture file `<kind>-v<N>.json` or `<kind>-v<N>-<variant>.json`, parsed but not loaded. */
export interface RawFixture {
  readonly file: string;
  /** The schema version in the file name. */
  readonly version: number;
  readonly raw: unknown;
}

/** Every fixture of `kind` (e.g. `task`), sorted by file name; variants of a version included. */
export function rawFixtures(kind: string): RawFixture[] {
  const name = new RegExp(`^${kind}-v(\\d+)(?:-[a-z0-9-]+)?\\.json$`);
  return fs
    .readdirSync(FIXTURES_DIR)
    .sort()
    .map((file) => ({ file, match: name.exec(file) }))
    .filter((f) => f.match !== null)
    .map(({ file, match }) => ({
      file,
      version: Number(match![1]),
      raw: JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, file), 'utf8')) as unknown,
    }));
}

/** Every task fixture, loaded (upgraded to the current shape). */
export function taskFixtures(): { file: string; task: Task }[] {
  return rawFixtures('task').map((f) => ({ file: f.file, task: loadTask(f.raw, f.file) }));
}
