interface Waiting<I, O> {
  readonly input: I;
  readonly resolve: (output: O) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Calls made in the same turn of the event loop under the same key are handed to `run`
 * together, once the turn is over. `run` answers each input in order: a value, or an Error
 * for that input alone. The Graph directory uses it so that planning one request (which looks
 * up every name it mentions at once) asks Graph in one `$batch` instead of one call per name.
 */
export class SameTurnBatches<C, I, O> {
  private readonly open = new Map<string, { readonly context: C; readonly waiting: Waiting<I, O>[] }>();

  constructor(private readonly run: (context: C, inputs: readonly I[]) => Promise<ReadonlyArray<O | Error>>) {}

  add(key: string, context: C, input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      let batch = this.open.get(key);
      if (!batch) {
        batch = { context, waiting: [] };
        this.open.set(key, batch);
        setImmediate(() => this.flush(key));
      }
      batch.waiting.push({ input, resolve, reject });
    });
  }

  private flush(key: string): void {
    const batch = this.open.get(key);
    this.open.delete(key);
    if (!batch) return;
    const { context, waiting } = batch;
    this.run(
      context,
      waiting.map((w) => w.input),
    ).then(
      (outputs) =>
        waiting.forEach((w, i) => {
          const output = outputs[i];
          if (output instanceof Error) w.reject(output);
          else if (output === undefined) w.reject(new Error('no answer for a batched call'));
          else w.resolve(output);
        }),
      (error: unknown) => waiting.forEach((w) => w.reject(error)),
    );
  }
}
