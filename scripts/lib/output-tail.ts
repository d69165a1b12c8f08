import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';

/** The last lines a child process wrote, kept to explain why it failed. */
export class OutputTail {
  private readonly lines: string[] = [];
  private partial = '';

  constructor(private readonly max = 60) {}

  /** Keep the stream's lines; `onLine` sees each one as it arrives. */
  follow(stream: Readable | null, onLine?: (line: string) => void): void {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const parts = (this.partial + chunk).split(/\r?\n/);
      this.partial = parts.pop() ?? '';
      for (const line of parts) this.push(line, onLine);
    });
    stream?.on('end', () => {
      if (this.partial) this.push(this.partial, onLine);
      this.partial = '';
    });
  }

  text(): string {
    return [...this.lines, ...(this.partial ? [this.partial] : [])].join('\n');
  }

  private push(line: string, onLine?: (line: string) => void): void {
    this.lines.push(line);
    if (this.lines.length > this.max) this.lines.shift();
    onLine?.(line);
  }
}

/** The last `count` lines of a text file, or '' when it cannot be read. */
export function lastLinesOf(file: string, count: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split(/\r?\n/).slice(-count).join('\n');
  } catch {
    return '';
  }
}
