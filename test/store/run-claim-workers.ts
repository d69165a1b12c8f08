import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Run `owners.length` claim-worker processes against one SQLite file, release them together,
 * and return the task ids each one claimed.
 */
export async function runClaimWorkers(file: string, owners: readonly string[], now: Date): Promise<string[][]> {
  const worker = path.join(__dirname, 'claim-worker.ts');
  const lines = await runWorkers(
    worker,
    owners.map((owner) => [file, owner, now.toISOString()]),
  );
  return lines.map((line) => JSON.parse(line) as string[]);
}

/**
 * Run one tsx process of `script` per argument list. Each prints "ready", waits for "go" on
 * stdin (sent to all at once, so they really run together), then prints one result line.
 */
export async function runWorkers(script: string, argLists: readonly (readonly string[])[]): Promise<string[]> {
  const children = argLists.map((args) =>
    spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), script, ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
    }),
  );
  const outputs = children.map((child) => collect(child));
  await Promise.all(outputs.map((output) => output.ready));
  for (const child of children) child.stdin.write('go\n');
  return Promise.all(outputs.map((output) => output.done));
}

function collect(child: ReturnType<typeof spawn>) {
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.startsWith('ready\n')) markReady();
  });
  // A worker that died before "go" closes its stdin; the exit code tells the story, not EPIPE.
  child.stdin!.on('error', () => undefined);
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<string>((resolve, reject) => {
    child.on('close', (code) => {
      if (code !== 0) {
        markReady();
        reject(new Error(`worker exited with ${code}: ${stderr}`));
      } else resolve(stdout.slice('ready\n'.length).trim());
    });
  });
  return { ready, done };
}
