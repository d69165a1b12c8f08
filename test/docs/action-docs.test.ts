import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  actionTable,
  catalogueActions,
  DOCS_COMMAND,
  firstSentence,
  main,
  OTHER_NEEDS,
  permissionsDoc,
  permissionUnion,
  staleDocs,
  tableActionNames,
  withActionTable,
  type DocumentedAction,
} from '../../scripts/action-docs';

const ROOT = join(__dirname, '..', '..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const GRAPH_PERMISSION = /^[A-Z][A-Za-z]+(\.[A-Za-z]+)+$/;
const STALE = `out of date: run \`${DOCS_COMMAND}\` and commit README.md and docs/permissions.md`;

describe('action docs (scripts/action-docs.ts)', () => {
  const actions = catalogueActions();

  it('lists every catalogue action, compose actions included, exactly once in the table', () => {
    const names = tableActionNames(actionTable(actions));
    expect([...names].sort()).toEqual(actions.map((a) => a.name).sort());
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['mail.send', 'compose.draft', 'text.summarise']));
  });

  it('keeps README.md and docs/permissions.md in sync with the catalogue', () => {
    const problems = staleDocs(read('README.md'), read('docs/permissions.md'), actions);
    if (problems.length > 0) throw new Error(`${problems.join('\n')}\nThe action docs are ${STALE}.`);
  });

  it('names only Graph permissions, in the actions and outside them', () => {
    const declared = [
      ...actions.flatMap((a) => [...a.permissions.delegated, ...a.permissions.application]),
      ...OTHER_NEEDS.map((o) => o.permission),
    ];
    expect(declared.length).toBeGreaterThan(0);
    expect(declared.filter((permission) => !GRAPH_PERMISSION.test(permission))).toEqual([]);
  });

  it('lists each permission once, with every action that declares it', () => {
    for (const identity of ['delegated', 'application'] as const) {
      const union = permissionUnion(actions, identity);
      expect(new Set(union.map((p) => p.permission)).size).toBe(union.length);
      for (const action of actions) {
        for (const permission of action.permissions[identity]) {
          expect(union.find((p) => p.permission === permission)?.actions).toContain(action.name);
        }
      }
    }
  });

  it('notices an action added without regenerating', () => {
    const added: DocumentedAction = {
      name: 'bookings.createAppointment',
      description: 'Book an appointment. Exactly once.',
      risk: 'write-external',
      permissions: { delegated: ['Bookings.ReadWrite.All'], application: [] },
    };
    const readme = withActionTable(read('README.md'), actionTable(actions)) ?? '';
    const problems = staleDocs(readme, permissionsDoc(actions), [...actions, added]);
    expect(problems).toEqual([
      'README.md: the action table does not match the action catalogue.',
      'docs/permissions.md does not match the action catalogue.',
    ]);
    const table = actionTable([...actions, added]);
    expect(table).toContain(
      '| **Bookings** | | | | |\n| `bookings.createAppointment` | Book an appointment. | write-external | Bookings.ReadWrite.All | — |',
    );
    expect(permissionsDoc([...actions, added])).toContain(
      '| `Bookings.ReadWrite.All` | `bookings.createAppointment` |',
    );
  });

  it('refuses a README without the markers', () => {
    expect(withActionTable('# Delegate\n\n### Actions\n', 'table')).toBeUndefined();
    expect(staleDocs('# Delegate\n', permissionsDoc(actions), actions)[0]).toMatch(
      /no <!-- actions:start --> … <!-- actions:end --> markers/,
    );
  });

  it('writes both files, then --check passes; --check fails, naming the command, when one is stale', () => {
    const files = new Map([
      [
        '/repo/README.md',
        '# Delegate\n\n### Actions\n\n<!-- actions:start -->\n| old |\n<!-- actions:end -->\n\n## Next\n',
      ],
    ]);
    const errors: string[] = [];
    const io = {
      readFile: (path: string) => {
        const text = files.get(path);
        if (text === undefined) throw new Error(`ENOENT ${path}`);
        return text;
      },
      writeFile: (path: string, text: string) => void files.set(path, text),
      out: () => undefined,
      err: (line: string) => void errors.push(line),
    };
    expect(main(['--check'], io, '/repo')).toBe(1);
    expect(errors).toEqual([
      'README.md: the action table does not match the action catalogue.',
      'docs/permissions.md does not match the action catalogue.',
      `Run \`${DOCS_COMMAND}\` and commit README.md and docs/permissions.md.`,
    ]);
    expect(main([], io, '/repo')).toBe(0);
    expect(files.get('/repo/README.md')).toMatch(
      /^# Delegate\n\n### Actions\n\n<!-- actions:start -->\n<!-- Generated[\s\S]*\| `mail\.send` \|[\s\S]*\n<!-- actions:end -->\n\n## Next\n$/,
    );
    expect(files.get('/repo/docs/permissions.md')).toBe(permissionsDoc(actions));
    expect(main(['--check'], io, '/repo')).toBe(0);
    expect(main(['--fix'], io, '/repo')).toBe(2);
  });

  it.each([
    [
      'Find messages by sender (name, e.g. Contoso. Or an address). Returns at most 50.',
      'Find messages by sender (name, e.g. Contoso. Or an address).',
    ],
    [
      "Read one message (messageId, e.g. mail.search's messages.0.id): sender and body. No side effect.",
      "Read one message (messageId, e.g. mail.search's messages.0.id): sender and body.",
    ],
    [
      'Move messages to a folder, e.g. Archive or Inbox. Running it again changes nothing.',
      'Move messages to a folder, e.g. Archive or Inbox.',
    ],
    ['Returns at most `top` (≤ 50. really) messages', 'Returns at most `top` (≤ 50. really) messages'],
    ['Two\n  lines. Then more.', 'Two lines.'],
  ])('takes the first sentence of "%s"', (description, sentence) => {
    expect(firstSentence(description)).toBe(sentence);
  });

  it('escapes a pipe in a description so it cannot break the table', () => {
    const piped: DocumentedAction = {
      name: 'mail.flag',
      description: 'Flag (flagged | complete) messages.',
      risk: 'write-internal',
      permissions: { delegated: ['Mail.ReadWrite'], application: ['Mail.ReadWrite'] },
    };
    expect(actionTable([piped])).toContain(
      '| `mail.flag` | Flag (flagged \\| complete) messages. | write-internal | Mail.ReadWrite | Mail.ReadWrite |',
    );
  });
});
