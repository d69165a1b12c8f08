/**
 * `npm run build`: compile the bot (src/) to dist/ with tsc, so `npm start` runs plain
 * JavaScript with node instead of compiling TypeScript at every start, and build the Tasks
 * tab's front end into dist/tab-app (scripts/prepare-tab.mjs, Vite).
 *
 * dist/ is rebuilt from scratch (a file deleted from src/ must not linger there), and the
 * runtime files tsc does not emit (a worker thread's .mjs) are copied next to their code.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const SRC = path.join(ROOT, 'src');
const DIST = path.join(ROOT, 'dist');
/** Loaded at run time by path (not imported), so tsc leaves them out. */
const RUNTIME_ASSET = /\.(mjs|cjs)$/;

function runtimeAssets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && RUNTIME_ASSET.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function main(): number {
  rmSync(DIST, { recursive: true, force: true });
  const tsc = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (tsc.status !== 0) {
    console.error('build: tsc failed; dist/ is incomplete.');
    return tsc.status ?? 1;
  }
  const assets = runtimeAssets(SRC);
  for (const file of assets) cpSync(file, path.join(DIST, path.relative(SRC, file)));
  console.log(
    `build: dist/ compiled from src/ (${assets.length} runtime asset${assets.length === 1 ? '' : 's'} copied).`,
  );
  // The tab's front end too: dist/ was just emptied, and a deployment ships dist/ as it is.
  const tab = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'prepare-tab.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (tab.status !== 0) {
    console.error('build: the Tasks tab did not build; dist/tab-app is incomplete.');
    return tab.status ?? 1;
  }
  return 0;
}

process.exitCode = main();
