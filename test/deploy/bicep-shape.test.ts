import { bicepParams, read } from './fixture';

/**
 * No Bicep compiler is available offline, so these catch the mistakes it would catch first:
 * unbalanced brackets, a reference to a symbol never declared, a parameter never used, a
 * string with an unclosed interpolation. The first `az deployment` / `atk provision` remains
 * the real check.
 */
const FILES = ['infra/azure.bicep', 'infra/botRegistration/azurebot.bicep'];

/**
 * Split Bicep text into code (comments dropped, each string literal replaced by '') and its
 * string literals, scanning once so that `//` inside a string ('https://…') and an apostrophe
 * inside a comment (the bot's) are each read for what they are.
 */
function tokens(text: string): { code: string; strings: string[] } {
  let code = '';
  const strings: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      code += '\n';
    } else if (c === "'") {
      let literal = '';
      for (i++; i < text.length && text[i] !== "'"; i++) {
        const ch = text.charAt(i);
        literal += ch === '\\' ? ch + text.charAt(++i) : ch;
      }
      strings.push(literal);
      code += `'${literal.replace(/[^$]|\$(?!\{)/g, (ch) => (ch === '\n' ? '\n' : ' '))}'`;
    } else code += c;
  }
  return { code, strings };
}

const BUILT_INS = new Set([
  'resourceGroup',
  'subscription',
  'subscriptionResourceId',
  'uniqueString',
  'take',
  'guid',
  'empty',
  'uriComponent',
  'true',
  'false',
  'null',
]);

describe.each(FILES)('%s', (file) => {
  const text = read(file);
  const declared = new Set([
    ...[...text.matchAll(/^(?:param|var|resource|module|output) (\w+)/gm)].map((m) => m[1] ?? ''),
  ]);

  it('has balanced brackets and closed interpolations', () => {
    const { code, strings } = tokens(text);
    for (const literal of strings) {
      // Every ${ is closed before the string ends.
      const open = literal.split('${').length - 1;
      const closed = literal
        .split('${')
        .slice(1)
        .filter((part) => part.includes('}')).length;
      expect([literal, open === closed]).toEqual([literal, true]);
    }
    const stack: string[] = [];
    const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
    for (const c of code.replace(/'[^']*'/g, "''")) {
      if ('([{'.includes(c)) stack.push(c);
      else if (c in pairs) expect([c, stack.pop()]).toEqual([c, pairs[c]]);
    }
    expect(stack).toEqual([]);
  });

  it('refers only to declared symbols and built-in functions', () => {
    const { code, strings } = tokens(text);
    const body = `${code}\n${strings.join('\n')}`;
    // Symbols used as values: `x.y`, `x(`, `${x}`, `: x` at the end of a property line.
    const used = new Set<string>();
    for (const m of body.matchAll(/\$\{(\w+)/g)) used.add(m[1] ?? '');
    for (const m of body.matchAll(/^\s*[\w']+: (\w+)(?:\.|\(|$)/gm)) used.add(m[1] ?? '');
    for (const m of body.matchAll(/^\s*(?:parent|scope): (\w+)$/gm)) used.add(m[1] ?? '');
    const dependsOn = /dependsOn: \[([^\]]*)\]/.exec(body)?.[1] ?? '';
    for (const m of dependsOn.matchAll(/(\w+)/g)) used.add(m[1] ?? '');
    const unknown = [...used].filter((s) => !declared.has(s) && !BUILT_INS.has(s) && !/^\d/.test(s));
    expect(unknown).toEqual([]);
  });

  it('uses every parameter it declares', () => {
    const { code, strings } = tokens(text);
    const body = `${code.replace(/^param .*$/gm, '')}\n${strings.join('\n')}`;
    const unused = [...bicepParams(text).keys()].filter((p) => !new RegExp(`\\b${p}\\b`).test(body));
    expect(unused).toEqual([]);
  });
});
