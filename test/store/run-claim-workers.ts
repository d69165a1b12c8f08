import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Run `owners.length` claim-worker processes against one SQLite file, release them together,
 * and return the task ids each one claimed.
 */
export async function runClaimWorkers(file: string, owners: readonly string[], now: Date): Promise<string[][]> {
  const worker = path.join(__dirname, 'claim-worker.ts');
  const children = owners.map((owner) =>
    spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), worker, file, owner, now.toISOString()], {
      stdio: ['pipe', 'pipe', 'pipe'],
    }),
  );
  const outputs = children.map((child) => collect(child));
  await Promise.all(outputs.map((output) => output.ready));
  for (const child of children) child.stdin.write('go\n');
  const lines = await Promise.all(outputs.map((output) => output.done));
  return lines.map((line) => JSON.parse(line) as string[]);
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
        reject(new Error(`claim worker exited with ${code}: ${stderr}`));
      } else resolve(stdout.slice('ready\n'.length).trim());
    });
  });
  return { ready, done };
}
