import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { ActionContext, ActionSpec } from '../../src/engine/catalogue';
import { ListCatalogue } from '../../src/engine/fakes';
import type { StepDraft, TaskStore } from '../../src/engine/ports';
import { MemoryTaskStore } from '../../src/store/memory-store';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { engineKit, REQUESTER } from '../engine-kit';
import type { BenchOptions } from '../options';
import { median, msSince, percentile } from '../stats';
import { TEST_NOW } from '../../test/support/clock';

/** Engine overhead per step for one plan length and store. */
export interface StepOverhead {
  readonly store: 'memory' | 'sqlite';
  readonly steps: number;
  readonly repeats: number;
  /** (drain time − time inside actions) ÷ steps, median over repeats, ms. */
  readonly perStepMs: number;
  readonly perStepP95Ms: number;
  /** The same no-op action called `steps` times in a plain loop, per call, ms. */
  readonly baselinePerCallMs: number;
  readonly ratio: number;
}

/** A read-only no-op: automatic (no checkpoint), so the worker runs every step back to back. */
function noopAction(timer: { ms: number }): ActionSpec {
  const spec: ActionSpec<{ n: number }, { n: number }> = {
    name: 'bench.noop',
    description: 'Does nothing',
    input: z.object({ n: z.number() }),
    output: z.object({ n: z.number() }),
    risk: 'read',
    permissions: { delegated: [], application: [] },
    editable: [],
    describe: () => ({ title: 'Nothing', target: '', reads: '', fields: [] }),
    run: async (input) => ({ output: { n: input.n }, provenance: [] }),
  };
  const run = spec.run;
  return {
    ...spec,
    run: async (input: Record<string, unknown>, ctx: ActionContext) => {
      const start = process.hrtime.bigint();
      try {
        return await run(input as { n: number }, ctx);
      } finally {
        timer.ms += msSince(start);
      }
    },
  } as ActionSpec;
}

async function measure(
  kind: 'memory' | 'sqlite',
  steps: number,
  repeats: number,
  warmup: number,
): Promise<StepOverhead> {
  const dir = kind === 'sqlite' ? mkdtempSync(path.join(os.tmpdir(), 'delegate-bench-engine-')) : undefined;
  const store: TaskStore = dir ? await openSqliteStore(path.join(dir, 'tasks.db')) : new MemoryTaskStore();
  try {
    const timer = { ms: 0 };
    const action = noopAction(timer);
    const drafts: StepDraft[] = Array.from({ length: steps }, (_, n) => ({
      action: action.name,
      input: { n },
      rationale: 'benchmark',
    }));
    const kit = engineKit(store, new ListCatalogue([action]), drafts, { maxSteps: steps + 1, concurrency: 1 });
    const perStep: number[] = [];
    for (let r = 0; r < warmup + repeats; r++) {
      const task = await kit.startApproved();
      timer.ms = 0;
      const start = process.hrtime.bigint();
      await kit.worker.drain();
      const total = msSince(start);
      const done = await store.getTask(task.id);
      if (done?.status !== 'completed' || done.stepsRun !== steps)
        throw new Error(`engine benchmark task ended ${done?.status} after ${done?.stepsRun} steps`);
      if (r >= warmup) perStep.push((total - timer.ms) / steps);
    }
    const baselinePerCallMs = await baselineLoop(action, steps, warmup + repeats);
    const perStepMs = median(perStep);
    return {
      store: kind,
      steps,
      repeats,
      perStepMs,
      perStepP95Ms: percentile(
        [...perStep].sort((a, b) => a - b),
        95,
      ),
      baselinePerCallMs,
      ratio: perStepMs / baselinePerCallMs,
    };
  } finally {
    await store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** The no-op action called in a plain loop: what running the steps costs with no engine at all. */
async function baselineLoop(action: ActionSpec, steps: number, repeats: number): Promise<number> {
  const ctx: ActionContext = {
    idempotencyKey: 'k',
    actor: { id: REQUESTER.id, name: REQUESTER.name },
    attempt: 1,
    now: TEST_NOW,
  };
  const perCall: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const start = process.hrtime.bigint();
    for (let n = 0; n < steps; n++) await action.run({ n }, ctx);
    perCall.push(msSince(start) / steps);
  }
  return median(perCall);
}

/**
 * Section 4: K automatic no-op steps run by Worker.drain(); memory store (the budget) and SQLite
 * (for reference). Plan lengths 5, 20 (the default step limit), 50 and `engineSteps` (200, the
 * highest limit the configuration allows, in a full run): per-step cost grows with the plan.
 */
export async function engineSection(options: BenchOptions, log: (line: string) => void): Promise<StepOverhead[]> {
  const lengths = [...new Set([5, 20, 50, options.engineSteps])].sort((a, b) => a - b);
  const results: StepOverhead[] = [];
  for (const kind of ['memory', 'sqlite'] as const) {
    for (const steps of lengths) {
      // Long plans take long per repeat; fewer repeats keep the section's time in bounds.
      const repeats =
        steps > 50 ? Math.max(5, Math.round((options.engineRepeats * 50) / steps)) : options.engineRepeats;
      const result = await measure(kind, steps, repeats, Math.max(2, Math.floor(repeats / 4)));
      log(
        `  ${kind} store, ${steps} steps: ${result.perStepMs.toFixed(3)} ms per step (baseline ${result.baselinePerCallMs.toFixed(4)} ms per call)`,
      );
      results.push(result);
    }
  }
  return results;
}
