import { execFileSync } from 'node:child_process';
import { read, REPO } from './fixture';

/**
 * What `atk deploy` uploads (azureAppService/zipDeploy over the repository, minus .webappignore):
 * dist/, cards/, package.json and package-lock.json, and policy/ when an operator keeps the
 * policy file there; scripts/ without TypeScript (the `prepare` script npm runs on install). Never env/ (secrets, and settings that would shadow the App Service's) or
 * node_modules/ (App Service installs production dependencies for Linux itself).
 */
const SHIPPED = ['cards', 'dist', 'package-lock.json', 'package.json', 'policy', 'scripts'];

/**
 * The .webappignore rules, for the forms the file uses: `name/` (a directory), `name` (a file)
 * and `*` within a name. The toolkit reads the file with gitignore semantics; these forms mean
 * the same there.
 */
function ignored(rules: readonly string[], name: string, isDir: boolean): boolean {
  return rules.some((rule) => {
    const dirOnly = rule.endsWith('/');
    const pattern = dirOnly ? rule.slice(0, -1) : rule;
    if (dirOnly && !isDir) return false;
    const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
    return regex.test(name);
  });
}

const rules = read('.webappignore')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

describe('.webappignore', () => {
  it('uses only the simple forms the test reads (no negation, no nested paths)', () => {
    for (const rule of rules) expect([rule, /^[\w.*-]+\/?$/.test(rule)]).toEqual([rule, true]);
  });

  it('leaves exactly the compiled bot, its cards, the manifests npm installs from, and policy/', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: REPO, encoding: 'utf8' })
      .split('\n')
      .filter((f) => f !== '');
    const top = new Map<string, boolean>();
    for (const file of tracked) {
      const [first, ...rest] = file.split('/');
      top.set(first!, (top.get(first!) ?? false) || rest.length > 0);
    }
    // Built or installed here before the upload, not tracked.
    for (const dir of ['dist', 'node_modules', 'data', 'build', 'devTools', 'coverage']) top.set(dir, true);
    top.set('policy', true);
    const shipped = [...top].filter(([name, isDir]) => !ignored(rules, name, isDir)).map(([name]) => name);
    expect(shipped.sort()).toEqual(SHIPPED);
  });

  it('never ships a .user env file or a .env, even if env/ moved', () => {
    expect(ignored(rules, 'env', true)).toBe(true);
    expect(ignored(rules, '.env', false)).toBe(true);
  });
});
