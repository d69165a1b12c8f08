import fs from 'node:fs';
import { TASK_SCHEMA_VERSION } from '../../src/engine/model';
import { PersistedDataError, loadDecision, loadTask } from '../../src/engine/upgrade';
import { FIXTURES_DIR, rawFixtures } from './fixtures';

const fixtures = rawFixtures;

/** A fresh copy of the original v1 fixture (task-v1.json), for tests that alter it. */
function v1(): Record<string, unknown> {
  return structuredClone(fixtures('task').find((f) => f.file === 'task-v1.json')!.raw) as Record<string, unknown>;
}

describe('persisted shapes keep loading', () => {
  const tasks = fixtures('task');

  it('keeps a task fixture for every schema version up to the current one', () => {
    expect([...new Set(tasks.map((f) => f.version))].sort((a, b) => a - b)).toEqual(
      Array.from({ length: TASK_SCHEMA_VERSION }, (_, i) => i + 1),
    );
  });

  it('covers every task-v*.json file (a misnamed fixture would be skipped silently)', () => {
    const files = fs
      .readdirSync(FIXTURES_DIR)
      .filter((file) => file.startsWith('task-v'))
      .sort();
    expect(files).toContain('task-v1.json');
    expect(files).toContain('task-v1-llm.json');
    expect(tasks.map((f) => f.file)).toEqual(files);
  });

  it.each(tasks.map((f) => [f.file, f] as const))(
    'strips nothing from %s: loaded equals its document',
    (_file, fixture) => {
      if (fixture.version === TASK_SCHEMA_VERSION) expect(loadTask(structuredClone(fixture.raw))).toEqual(fixture.raw);
      else expect(loadTask(structuredClone(fixture.raw)).schemaVersion).toBe(TASK_SCHEMA_VERSION);
    },
  );

  it.each(tasks.map((f) => [f.file, f] as const))('loads %s as a current task', (_file, fixture) => {
    expect((fixture.raw as { schemaVersion: number }).schemaVersion).toBe(fixture.version);
    const loaded = loadTask(fixture.raw);
    expect(loaded.schemaVersion).toBe(TASK_SCHEMA_VERSION);
    expect(loaded.id).toBe((fixture.raw as { id: string }).id);
    expect(loaded.plan.steps.length).toBeGreaterThan(0);
  });

  it('keeps the v1 fixture realistic: three steps, one input referencing an earlier output', () => {
    const loaded = loadTask(v1());
    expect(loaded.plan.steps.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(loaded.plan.steps[2]?.input.body).toEqual({ $ref: 's2.summary' });
  });

  it('keeps the LLM fixture exercising the optional fields added within v1', () => {
    const raw = fixtures('task').find((f) => f.file === 'task-v1-llm.json')!.raw;
    const loaded = loadTask(raw);
    expect(loaded.status).toBe('planning');
    expect(loaded.timeZone).toBe('Europe/London');
    expect(loaded.usage).toEqual({ promptTokens: 4210, completionTokens: 868, calls: 3 });
    expect(loaded.clarification?.options).toHaveLength(2);
    expect(loaded.clarification?.answers).toEqual([{ question: expect.any(String), answer: 'This week' }]);
    const withSources = loaded.plan.steps.filter((s) => s.sources?.length);
    const withFlags = loaded.plan.steps.filter((s) => s.flags?.length);
    expect(withSources.map((s) => s.id)).toEqual(['s2']);
    expect(withFlags.map((s) => s.flags!.map((f) => f.code))).toEqual([['link_removed'], ['untraced_recipient']]);
  });

  it('keeps the original v1 fixture free of the later optional fields', () => {
    const raw = v1();
    for (const field of ['timeZone', 'usage', 'clarification']) expect(raw).not.toHaveProperty(field);
    for (const step of loadTask(raw).plan.steps) {
      expect(step).not.toHaveProperty('sources');
      expect(step).not.toHaveProperty('flags');
    }
  });

  it.each(fixtures('decision').map((f) => [f.file, f] as const))('loads %s', (_file, fixture) => {
    expect(loadDecision(fixture.raw).id).toBe((fixture.raw as { id: string }).id);
  });
});

describe('loadTask refuses what it cannot read', () => {
  it('refuses a newer schema version, naming the task and versions', () => {
    const raw = { ...v1(), schemaVersion: TASK_SCHEMA_VERSION + 1 };
    expect(() => loadTask(raw)).toThrow(PersistedDataError);
    expect(() => loadTask(raw)).toThrow(`task K7QD2M has schemaVersion ${TASK_SCHEMA_VERSION + 1}, newer than`);
  });

  it('refuses a missing or malformed schema version', () => {
    const { schemaVersion: _dropped, ...raw } = v1();
    expect(() => loadTask(raw)).toThrow('task K7QD2M has no valid schemaVersion');
    expect(() => loadTask({ ...raw, schemaVersion: '1' })).toThrow('no valid schemaVersion (got string)');
    expect(() => loadTask({ ...raw, schemaVersion: 0 })).toThrow('no valid schemaVersion (got 0)');
  });

  it('refuses non-objects', () => {
    expect(() => loadTask(null)).toThrow('task is not a JSON object');
    expect(() => loadTask([v1()])).toThrow('task is not a JSON object');
    expect(() => loadTask('{}', 'task X')).toThrow('task X is not a JSON object');
  });

  it('names the invalid field without echoing stored values', () => {
    const raw = v1();
    raw.status = 'exploded';
    (raw.requester as Record<string, unknown>).name = { secret: 'TOP-SECRET-BODY' };
    let error: unknown;
    try {
      loadTask(raw);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PersistedDataError);
    const message = (error as Error).message;
    expect(message).toContain('task K7QD2M is invalid');
    expect(message).toContain('status');
    expect(message).toContain('requester.name');
    expect(message).not.toContain('TOP-SECRET-BODY');
    expect((error as PersistedDataError).code).toBe('persisted_data_invalid');
    expect((error as PersistedDataError).userMessage).not.toContain('K7QD2M');
  });
});

describe('loadDecision', () => {
  it('refuses an unknown verb, naming the decision', () => {
    const raw = { ...(fixtures('decision')[0]!.raw as object), verb: 'delete' };
    expect(() => loadDecision(raw)).toThrow(/decision 0b6f1c9e-[\w-]+ is invalid: verb/);
  });

  it('refuses a non-object', () => {
    expect(() => loadDecision(42)).toThrow(PersistedDataError);
  });
});
