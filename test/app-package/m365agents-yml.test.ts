import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';
import { parseEnvText } from '../../src/env-file';
import { bicepOutputs, bicepParams, documentedKeys, placeholders, read, readYaml, REPO } from '../deploy/fixture';

/**
 * m365agents.yml (cloud environments) and m365agents.local.yml (local debug) must stay
 * truthful: every file they point at exists, every variable they read has a place in the
 * environment's files, every variable they write (including the Bicep outputs and the values
 * scripts/deploy/provision-values.mjs makes) has one too, and the Bicep parameters line up.
 */
interface Step {
  readonly uses: string;
  readonly name?: string;
  readonly with?: Record<string, unknown>;
  readonly writeToEnvironmentFile?: Record<string, string>;
}
interface ProjectFile {
  readonly version: string;
  readonly environmentFolderPath?: string;
  readonly provision: readonly Step[];
  readonly deploy: readonly Step[];
  readonly publish?: readonly Step[];
}

/** Each project file, and the environments it serves (each has env/.env.<name>). */
const PROJECTS = [
  { file: 'm365agents.yml', envs: ['dev', 'prod'] },
  { file: 'm365agents.local.yml', envs: ['local'] },
] as const;
/** Toolkit built-ins (the toolkit asks for the Azure ones when they are empty). */
const BUILT_IN = ['TEAMSFX_ENV'];

/** Names an env file gives a place to: assigned, or shown commented out (`# NAME=`). */
function envKeys(env: string): string[] {
  const keys = new Set<string>();
  for (const file of [`.env.${env}`, `.env.${env}.user.example`]) {
    const full = path.join(REPO, 'env', file);
    if (!fs.existsSync(full)) continue;
    const text = fs.readFileSync(full, 'utf8');
    for (const key of [...Object.keys(parseEnvText(text)), ...documentedKeys(text)]) keys.add(key);
  }
  return [...keys];
}

/** Every string inside a value, with the path to it. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** What a step writes back into the environment's files. */
function written(step: Step): string[] {
  const names = Object.values(step.writeToEnvironmentFile ?? {});
  if (step.uses === 'arm/deploy') {
    const templates = (step.with?.templates ?? []) as { path: string }[];
    for (const t of templates) names.push(...bicepOutputs(read(t.path)));
  }
  if (step.uses === 'aadApp/update') names.push('AAD_APP_ACCESS_AS_USER_PERMISSION_ID');
  if (step.uses === 'script') {
    const script = /node (scripts\/\S+\.mjs)/.exec(String(step.with?.run))?.[1] ?? '';
    const source = read(script);
    // The generators' names.
    names.push(...[...source.matchAll(/^ {2}(\w+): /gm)].map((m) => m[1] ?? ''));
  }
  return names;
}

describe.each(PROJECTS)('$file', ({ file, envs }) => {
  const text = read(file);
  const project = readYaml<ProjectFile>(file);
  const steps = [...project.provision, ...project.deploy, ...(project.publish ?? [])];

  it("is valid against the toolkit's schema for its version (vendored from the toolkit CLI)", () => {
    const schema = JSON.parse(read(`test/fixtures/m365agents-yaml-schema/${project.version}.json`)) as Record<
      string,
      unknown
    >;
    delete schema.$schema; // draft-07, Ajv's default
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    validate(project);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('declares the schema version it uses, and ./env as the environment folder', () => {
    const schema = /\$schema=https:\/\/aka\.ms\/m365-agents-toolkits\/(v\d+\.\d+)\/yaml\.schema\.json/.exec(text)?.[1];
    expect(project.version).toBe(schema);
    expect(project.environmentFolderPath).toBe('./env');
  });

  it.each(envs)('points only at files that exist for %s (build outputs aside)', (env) => {
    const paths = steps
      .flatMap((s) => strings(s.with))
      .filter((v) => v.startsWith('./'))
      .map((v) => v.replace(/\$\{\{TEAMSFX_ENV\}\}/g, env));
    expect(paths.length).toBeGreaterThan(3);
    for (const p of paths) {
      if (p.startsWith('./appPackage/build') || p.startsWith('./build/') || p.startsWith('./env/')) continue;
      expect([p, fs.existsSync(path.join(REPO, p))]).toEqual([p, true]);
    }
  });

  it.each(envs)('reads only variables env/.env.%s gives a place to, or an earlier step writes', (env) => {
    const keys = envKeys(env);
    const known = new Set([...BUILT_IN, ...keys]);
    for (const step of steps) {
      const used = placeholders(strings(step.with).join('\n'));
      expect([step.uses, used.filter((n) => !known.has(n))]).toEqual([step.uses, []]);
      for (const name of written(step)) known.add(name);
    }
    // The Bicep parameters the toolkit fills in are read too.
    for (const step of steps.filter((s) => s.uses === 'arm/deploy')) {
      for (const t of step.with?.templates as { parameters: string }[]) {
        const params = read(t.parameters.replace('${{TEAMSFX_ENV}}', env));
        expect([t.parameters, placeholders(params).filter((n) => !keys.includes(n))]).toEqual([t.parameters, []]);
      }
    }
  });

  it.each(envs)('writes only variables env/.env.%s (or its .user example, for secrets) has a place for', (env) => {
    const committed = Object.keys(parseEnvText(read(`env/.env.${env}`)));
    const keys = envKeys(env);
    for (const name of steps.flatMap(written)) {
      if (name.startsWith('SECRET_')) expect([name, keys.includes(name)]).toEqual([name, true]);
      else expect([name, committed.includes(name) || keys.includes(name)]).toEqual([name, true]);
    }
  });

  it.each(envs)(
    'fills the Bicep parameters for %s only from variables a step writes or the operator must set',
    (env) => {
      // arm/deploy leaves an empty variable's placeholder in place and then refuses the whole
      // parameters file (MissingEnvironmentVariablesError); only APP_NAME_SUFFIX may be empty.
      const byStep = new Set(project.provision.flatMap(written));
      // Set by the operator before provisioning, as the env files say.
      const mustSet = env === 'local' ? ['BOT_DOMAIN'] : ['TENANT_DOMAINS'];
      for (const step of steps.filter((s) => s.uses === 'arm/deploy')) {
        for (const t of step.with?.templates as { parameters: string }[]) {
          const used = placeholders(read(t.parameters.replace('${{TEAMSFX_ENV}}', env)));
          const mayBeEmpty = used.filter((n) => !byStep.has(n) && !mustSet.includes(n) && n !== 'APP_NAME_SUFFIX');
          expect([t.parameters, mayBeEmpty]).toEqual([t.parameters, []]);
        }
      }
    },
  );

  it('fills exactly the Bicep parameters that have no default, with names the template declares', () => {
    for (const step of steps.filter((s) => s.uses === 'arm/deploy')) {
      for (const t of step.with?.templates as { path: string; parameters: string }[]) {
        const declared = bicepParams(read(t.path));
        for (const env of envs) {
          const file = t.parameters.replace('${{TEAMSFX_ENV}}', env);
          const given = Object.keys((JSON.parse(read(file)) as { parameters: Record<string, unknown> }).parameters);
          expect([file, given.filter((p) => !declared.has(p))]).toEqual([file, []]);
          const missing = [...declared].filter(([p, d]) => !d.hasDefault && !given.includes(p)).map(([p]) => p);
          expect([file, missing]).toEqual([file, []]);
        }
      }
    }
  });
});

describe('m365agents.yml', () => {
  const project = readYaml<ProjectFile>('m365agents.yml');
  const uses = (steps: readonly Step[]) => steps.map((s) => s.uses);

  it('provisions in order: Teams app, Entra app, generated values, Azure, SSO, then the package', () => {
    expect(uses(project.provision)).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'script',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    const aad = project.provision[1];
    expect(aad?.with).toMatchObject({ generateClientSecret: true, signInAudience: 'AzureADMyOrg' });
    expect(aad?.writeToEnvironmentFile).toEqual({
      clientId: 'BOT_ID',
      clientSecret: 'SECRET_BOT_PASSWORD',
      objectId: 'BOT_OBJECT_ID',
      tenantId: 'BOT_TENANT_ID',
    });
    expect(project.provision[4]?.with?.manifestPath).toBe('./aad.manifest.json');
  });

  it('deploys by building here and zip-deploying what .webappignore leaves', () => {
    expect(project.deploy.map((s) => [s.uses, s.with?.args])).toEqual([
      ['cli/runNpmCommand', 'ci --no-audit --no-fund'],
      ['cli/runNpmCommand', 'run build'],
      ['azureAppService/zipDeploy', undefined],
    ]);
    expect(project.deploy[2]?.with).toEqual({
      artifactFolder: '.',
      ignoreFile: '.webappignore',
      resourceId: '${{AZURE_APP_SERVICE_RESOURCE_ID}}',
    });
  });
});

describe('m365agents.local.yml', () => {
  const project = readYaml<ProjectFile>('m365agents.local.yml');

  it('writes the plain values the bot reads to env/.env.local.user, where npm start finds them', () => {
    const step = project.deploy.find((s) => s.uses === 'file/createOrUpdateEnvironmentFile');
    expect(step?.with?.target).toBe('./env/.env.local.user');
    expect(step?.with?.envs).toEqual({
      BOT_ID: '${{BOT_ID}}',
      BOT_PASSWORD: '${{SECRET_BOT_PASSWORD}}',
      BOT_TYPE: 'SingleTenant',
      BOT_TENANT_ID: '${{BOT_TENANT_ID}}',
      OAUTH_CONNECTION_NAME: '${{OAUTH_CONNECTION_NAME}}',
      LEDGER_SIGNING_KEY: '${{SECRET_LEDGER_SIGNING_KEY}}',
    });
  });
});
