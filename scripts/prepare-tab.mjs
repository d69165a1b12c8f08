// `npm install` / `npm ci` (prepare): build the Tasks tab's front end into dist/tab-app with Vite. An
// install without devDependencies (--omit=dev) has no Vite: it says so and leaves dist/tab-app alone.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
let vite;
try {
  vite = require.resolve('vite/package.json');
} catch {
  console.log(
    'prepare: Vite is not installed (--omit=dev?), so the Tasks tab is not built; dist/tab-app is left as it is.',
  );
  process.exit(0);
}
const built = spawnSync(
  process.execPath,
  [path.join(path.dirname(vite), 'bin', 'vite.js'), 'build', '--config', 'tab/vite.config.mjs'],
  { stdio: 'inherit', cwd: path.resolve(import.meta.dirname, '..') },
);
process.exit(built.status ?? 1);
