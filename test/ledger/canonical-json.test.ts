import { canonicalJson } from '../../src/ledger/canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every level and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
  });

  it('orders keys by UTF-16 code units (RFC 8785), not by locale', () => {
    // 'Z' (0x5a) < 'a' (0x61) < 'é' (0xe9) < '😀' (0xd83d…) < 'ｚ' (0xff5a, above the surrogates)
    expect(canonicalJson({ ｚ: 5, '😀': 4, é: 3, a: 2, Z: 1 })).toBe('{"Z":1,"a":2,"é":3,"😀":4,"ｚ":5}');
    expect(canonicalJson({ '10': 1, '9': 2, '1': 3 })).toBe('{"1":3,"10":1,"9":2}');
  });

  it('keeps unicode as is and escapes only what JSON must', () => {
    expect(canonicalJson({ s: 'é 😀 \u2028 "q" \\ \n \t \u0001' })).toBe(
      '{"s":"é 😀 \u2028 \\"q\\" \\\\ \\n \\t \\u0001"}',
    );
    // A lone surrogate cannot be UTF-8 encoded; it is escaped so the hash input stays well formed.
    expect(canonicalJson('\ud800')).toBe('"\\ud800"');
    expect(JSON.parse(canonicalJson({ s: 'é😀' }))).toEqual({ s: 'é😀' });
  });

  it('writes nested arrays in order, with empty ones and mixed items', () => {
    expect(canonicalJson([[], [[1, [2, []]]], [{}, 'x', true, false, null]])).toBe(
      '[[],[[1,[2,[]]]],[{},"x",true,false,null]]',
    );
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
  });

  it('writes numbers as JSON.stringify does', () => {
    expect(canonicalJson([0, -0, 1.5, 1e21, 1e-7, -12, 2 ** 53])).toBe('[0,0,1.5,1e+21,1e-7,-12,9007199254740992]');
  });

  it('drops undefined properties and writes Dates by toJSON, like JSON.stringify', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson({ at: new Date('2025-03-03T09:00:00Z') })).toBe('{"at":"2025-03-03T09:00:00.000Z"}');
    expect(canonicalJson(Object.assign(Object.create(null) as object, { b: 2, a: 1 }))).toBe('{"a":1,"b":2}');
  });

  it('refuses what has no JSON meaning, naming where it is', () => {
    expect(() => canonicalJson({ a: { n: Number.NaN } })).toThrow(/\$\.a\.n is not a finite number/);
    expect(() => canonicalJson([Infinity])).toThrow(TypeError);
    expect(() => canonicalJson({ list: [1, undefined] })).toThrow(/\$\.list\[1\] is undefined/);
    expect(() => canonicalJson([1, , 3])).toThrow(/\[1\] is undefined/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
    expect(() => canonicalJson({ n: 1n })).toThrow(/bigint/);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson({ m: new Map() })).toThrow(/not a plain object/);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow(/circular/);
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"x":1},"b":[{"x":1}]}');
  });
});
