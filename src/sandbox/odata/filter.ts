/**
 * A small OData `$filter` evaluator covering what Graph clients send to mail, calendar and
 * directory endpoints: eq/ne/gt/ge/lt/le, and/or/not, parentheses, startswith/endswith/contains,
 * property paths (`from/emailAddress/address`) and `any` lambdas over collections
 * (`singleValueExtendedProperties/any(ep: ep/id eq '…' and ep/value eq '…')`).
 */

/** Thrown for an expression this evaluator cannot read; routes turn it into a 400. */
export class FilterSyntaxError extends Error {}

type Literal = {
  kind: 'lit';
  value: string | number | boolean | null;
  type: 'string' | 'number' | 'boolean' | 'null' | 'datetime';
};
type Path = { kind: 'path'; segments: string[] };
type Operand = Literal | Path;
type Node =
  | { kind: 'cmp'; op: string; left: Operand; right: Operand }
  | { kind: 'and' | 'or'; left: Node; right: Node }
  | { kind: 'not'; inner: Node }
  | { kind: 'fn'; name: string; target: Operand; arg: Operand }
  | { kind: 'any'; collection: Path; variable: string; body: Node | null };

type Token = { t: 'str' | 'word' | 'num' | '(' | ')' | ',' | ':'; v: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src.charAt(i);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'") {
      let v = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new FilterSyntaxError('Unterminated string literal.');
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            v += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += src[i++];
      }
      out.push({ t: 'str', v });
      continue;
    }
    if ('(),:'.includes(c)) {
      out.push({ t: c as '(' | ')' | ',' | ':', v: c });
      i++;
      continue;
    }
    const m = /^[-0-9][0-9A-Za-z:.+\-]*|^[A-Za-z_@$][\w/.@$-]*/.exec(src.slice(i));
    if (!m) throw new FilterSyntaxError(`Unexpected '${c}'.`);
    out.push({ t: /^[-0-9]/.test(m[0]) ? 'num' : 'word', v: m[0] });
    i += m[0].length;
  }
  return out;
}

const COMPARISONS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCTIONS = new Set(['startswith', 'endswith', 'contains']);

/** Deepest nesting of parentheses, `not` and lambdas a filter may have (Graph refuses deeper ones too). */
export const MAX_FILTER_DEPTH = 50;

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  /** Parse one nested level, refusing nesting deep enough to exhaust the stack. */
  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_FILTER_DEPTH)
      throw new FilterSyntaxError(`The query exceeds the maximum nesting depth of ${MAX_FILTER_DEPTH}.`);
    try {
      return parse();
    } finally {
      this.depth -= 1;
    }
  }

  parse(): Node {
    const node = this.or();
    if (this.pos < this.tokens.length) throw new FilterSyntaxError(`Unexpected '${this.tokens[this.pos]?.v}'.`);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }
  private next(): Token {
    const t = this.tokens[this.pos++];
    if (!t) throw new FilterSyntaxError('Unexpected end of expression.');
    return t;
  }
  private expect(t: Token['t']): Token {
    const tok = this.next();
    if (tok.t !== t) throw new FilterSyntaxError(`Expected '${t}' but found '${tok.v}'.`);
    return tok;
  }
  private isWord(v: string): boolean {
    const t = this.peek();
    return t?.t === 'word' && t.v.toLowerCase() === v;
  }

  private or(): Node {
    let left = this.and();
    while (this.isWord('or')) {
      this.pos++;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }
  private and(): Node {
    let left = this.unary();
    while (this.isWord('and')) {
      this.pos++;
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }
  private unary(): Node {
    if (this.isWord('not')) {
      this.pos++;
      return this.nested(() => ({ kind: 'not', inner: this.unary() }));
    }
    return this.primary();
  }
  private primary(): Node {
    const t = this.peek();
    if (t?.t === '(') {
      this.pos++;
      const n = this.nested(() => this.or());
      this.expect(')');
      return n;
    }
    if (t?.t === 'word' && FUNCTIONS.has(t.v.toLowerCase()) && this.tokens[this.pos + 1]?.t === '(') {
      this.pos += 2;
      const target = this.operand();
      this.expect(',');
      const arg = this.operand();
      this.expect(')');
      return { kind: 'fn', name: t.v.toLowerCase(), target, arg };
    }
    if (t?.t === 'word' && /\/(any|all)$/i.test(t.v) && this.tokens[this.pos + 1]?.t === '(') {
      return this.lambda();
    }
    const left = this.operand();
    const op = this.next();
    if (op.t !== 'word' || !COMPARISONS.has(op.v.toLowerCase()))
      throw new FilterSyntaxError(`Expected a comparison after '${JSON.stringify(left)}'.`);
    return { kind: 'cmp', op: op.v.toLowerCase(), left, right: this.operand() };
  }
  private lambda(): Node {
    const word = this.next().v;
    if (/\/all$/i.test(word)) throw new FilterSyntaxError("The 'all' operator is not supported.");
    this.expect('(');
    const collection: Path = { kind: 'path', segments: word.replace(/\/any$/i, '').split('/') };
    if (this.peek()?.t === ')') {
      this.pos++;
      return { kind: 'any', collection, variable: '', body: null };
    }
    const variable = this.expect('word').v;
    this.expect(':');
    const body = this.nested(() => this.or());
    this.expect(')');
    return { kind: 'any', collection, variable, body };
  }
  private operand(): Operand {
    const t = this.next();
    if (t.t === 'str') return { kind: 'lit', value: t.v, type: 'string' };
    if (t.t === 'num') {
      if (/^-?\d+(\.\d+)?$/.test(t.v)) return { kind: 'lit', value: Number(t.v), type: 'number' };
      if (!Number.isNaN(Date.parse(t.v))) return { kind: 'lit', value: t.v, type: 'datetime' };
      throw new FilterSyntaxError(`Cannot read literal '${t.v}'.`);
    }
    if (t.t === 'word') {
      const w = t.v.toLowerCase();
      if (w === 'true' || w === 'false') return { kind: 'lit', value: w === 'true', type: 'boolean' };
      if (w === 'null') return { kind: 'lit', value: null, type: 'null' };
      return { kind: 'path', segments: t.v.split('/') };
    }
    throw new FilterSyntaxError(`Unexpected '${t.v}'.`);
  }
}

type Scope = Record<string, unknown>;

function resolve(op: Operand, item: unknown, scope: Scope): { value: unknown; type?: Literal['type'] } {
  if (op.kind === 'lit') return { value: op.value, type: op.type };
  const [head = '', ...rest] = op.segments;
  let cur: unknown = head in scope ? scope[head] : getProp(item, head);
  for (const seg of rest) cur = getProp(cur, seg);
  return { value: cur };
}

/** Property lookup ignoring case, as Graph does for property names. */
export function getProp(obj: unknown, name: string): unknown {
  if (obj === null || typeof obj !== 'object') return undefined;
  const rec = obj as Record<string, unknown>;
  if (name in rec) return rec[name];
  const key = Object.keys(rec).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : rec[key];
}

function compare(op: string, l: { value: unknown; type?: string }, r: { value: unknown; type?: string }): boolean {
  let a = l.value;
  let b = r.value;
  if (l.type === 'datetime' || r.type === 'datetime') {
    a = typeof a === 'string' ? Date.parse(a) : a;
    b = typeof b === 'string' ? Date.parse(b) : b;
  } else if (typeof a === 'string' && typeof b === 'string') {
    a = a.toLowerCase();
    b = b.toLowerCase();
  }
  if (a === undefined) a = null;
  switch (op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    default: {
      if (a === null || b === null || typeof a !== typeof b) return false;
      const x = a as number | string;
      const y = b as number | string;
      return op === 'gt' ? x > y : op === 'ge' ? x >= y : op === 'lt' ? x < y : x <= y;
    }
  }
}

function evaluate(node: Node, item: unknown, scope: Scope): boolean {
  switch (node.kind) {
    case 'and':
      return evaluate(node.left, item, scope) && evaluate(node.right, item, scope);
    case 'or':
      return evaluate(node.left, item, scope) || evaluate(node.right, item, scope);
    case 'not':
      return !evaluate(node.inner, item, scope);
    case 'cmp':
      return compare(node.op, resolve(node.left, item, scope), resolve(node.right, item, scope));
    case 'fn': {
      const target = resolve(node.target, item, scope).value;
      const arg = resolve(node.arg, item, scope).value;
      if (typeof target !== 'string' || typeof arg !== 'string') return false;
      const t = target.toLowerCase();
      const a = arg.toLowerCase();
      return node.name === 'startswith' ? t.startsWith(a) : node.name === 'endswith' ? t.endsWith(a) : t.includes(a);
    }
    case 'any': {
      const coll = resolve(node.collection, item, scope).value;
      if (!Array.isArray(coll)) return false;
      const body = node.body;
      if (!body) return coll.length > 0;
      return coll.some((el) => evaluate(body, item, { ...scope, [node.variable]: el }));
    }
  }
}

/** Compile a `$filter` expression into a predicate; throws FilterSyntaxError when unreadable. */
export function compileFilter(expression: string): (item: unknown) => boolean {
  const ast = new Parser(tokenize(expression)).parse();
  return (item) => evaluate(ast, item, {});
}
