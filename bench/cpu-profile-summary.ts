import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Summarise a V8 CPU profile (`node --cpu-prof`, or `npm run bench -- --only=planning
 * --cpu-prof=DIR`): the functions with the most self time, and self time per package or
 * source folder.
 *
 *   tsx bench/cpu-profile-summary.ts <file.cpuprofile> [top=25]
 */
interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** node_modules/<package>, src/<folder>, or the node internals. */
function area(url: string): string {
  if (!url) return '(native / V8)';
  if (url.startsWith('node:')) return url.split('/')[0] ?? url;
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1] ?? url;
  const src = /\/(src|bench|test)\/([^/]+)/.exec(url);
  return src ? `${src[1]}/${src[2]}` : path.basename(url);
}

function main(): void {
  const [file, topArg = '25'] = process.argv.slice(2);
  if (!file) throw new Error('usage: cpu-profile-summary <file.cpuprofile> [top]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const frames = new Map<string, number>();
  const areas = new Map<string, number>();
  for (const [id, us] of self) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const where = frame.url
      ? `${frame.url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '')}:${frame.lineNumber + 1}`
      : '';
    const key = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    frames.set(key, (frames.get(key) ?? 0) + us);
    areas.set(area(frame.url), (areas.get(area(frame.url)) ?? 0) + us);
  }
  const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
  const top = Number(topArg);
  console.log(`Total sampled: ${(total / 1000).toFixed(0)} ms`);
  console.log('\nSelf time by package / source folder:');
  for (const [name, us] of [...areas].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(us)}  ${name}`);
  console.log('\nTop functions by self time:');
  for (const [name, us] of [...frames].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(us)}  ${name}`);
}

main();
