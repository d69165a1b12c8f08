/**
 * `text.indexOf(ch, from)` in constant time after one linear pass per character asked for.
 * Scanners that may retry from many positions use it to stay linear on hostile input.
 */
export class NextIndex {
  private readonly tables = new Map<string, Int32Array>();

  constructor(private readonly text: string) {}

  of(ch: string, from: number): number {
    if (from >= this.text.length) return -1;
    let table = this.tables.get(ch);
    if (table === undefined) {
      table = new Int32Array(this.text.length);
      let next = -1;
      for (let k = this.text.length - 1; k >= 0; k -= 1) {
        if (this.text[k] === ch) next = k;
        table[k] = next;
      }
      this.tables.set(ch, table);
    }
    return table[Math.max(0, from)] ?? -1;
  }
}
