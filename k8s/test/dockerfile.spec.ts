import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type K8sObject, podSpecs, renderKustomization } from './kustomize';
import { K8S_DIR, TREES } from './support/tools';
import { effectiveEnv } from './support/workloads';

/* eslint-disable @typescript-eslint/no-explicit-any */

const ROOT = path.resolve(K8S_DIR, '..');

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  name: string;
  from: string;
  instructions: Instruction[];
}

/** Splits a Dockerfile into stages of instructions (continuations joined, comments dropped). */
function parseDockerfile(text: string): { args: Record<string, string>; stages: Stage[] } {
  const lines = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of lines) {
    const [keyword, ...rest] = line.split(/\s+/);
    const instruction = { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    if (instruction.keyword === 'FROM') {
      const [image, , name] = rest;
      stages.push({ name: name ?? String(stages.length), from: image, instructions: [] });
    } else if (instruction.keyword === 'ARG' && stages.length === 0) {
      const [key, value = ''] = instruction.args.split('=');
      args[key] = value;
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return { args, stages };
}

const dockerfile = parseDockerfile(readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'));
const runtime = dockerfile.stages.at(-1)!;
const runs = (stage: Stage) => stage.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
const copies = (stage: Stage) =>
  stage.instructions
    .filter((i) => i.keyword === 'COPY')
    .map((i) => {
      const parts = i.args.split(/\s+/);
      const from = parts.find((part) => part.startsWith('--from='))?.slice('--from='.length);
      const paths = parts.filter((part) => !part.startsWith('--'));
      return { from, sources: paths.slice(0, -1), destination: paths.at(-1)! };
    });
const production = renderKustomization(TREES.production);
const deployments = production.filter((object) => object.kind === 'Deployment' && object.metadata.labels?.['app.kubernetes.io/component'] === 'server');
const podSpec = (object: K8sObject) => (object.spec as any).template.spec;

describe('Dockerfile', () => {
  it('builds from a Node image pinned to the version in .nvmrc', () => {
    const nodeVersion = readFileSync(path.join(ROOT, '.nvmrc'), 'utf8').trim();
    expect(dockerfile.args.NODE_IMAGE).toBe(`node:${nodeVersion}-bookworm-slim`);
    for (const stage of dockerfile.stages) expect(stage.from).toBe('${NODE_IMAGE}');
  });

  it('installs all dependencies to build, and only production ones to run', () => {
    const [build, dependencies] = dockerfile.stages;
    expect(runs(build)).toEqual(expect.arrayContaining([expect.stringMatching(/npm ci$/), 'node scripts/build.mjs']));
    expect(runs(dependencies).some((command) => /npm ci --omit=dev/.test(command))).toBe(true);
    expect(runs(runtime)).toEqual([]);
    const nodeModules = copies(runtime).find((copy) => copy.sources.includes('/app/node_modules'));
    expect(nodeModules?.from).toBe(dependencies.name);
  });

  it('ships only dist, production node_modules, package.json and what the commands need', () => {
    const shipped = copies(runtime).flatMap((copy) => copy.sources);
    expect(shipped.sort()).toEqual(
      ['/app/node_modules', '/app/dist', 'package.json', 'nest-cli.json', 'scripts/migrate.mjs', 'apps/gateway/supergraph.graphql'].sort(),
    );
    for (const copy of copies(runtime).filter((c) => !c.from)) {
      // apps/gateway/supergraph.graphql comes from `npm run compose` and must be committed.
      for (const source of copy.sources) expect({ source, exists: existsSync(path.join(ROOT, source)) }).toEqual({ source, exists: true });
    }
  });

  it('runs as the non-root uid the pods declare, from /app', () => {
    const user = runtime.instructions.filter((i) => i.keyword === 'USER').at(-1)!.args;
    expect(user).toBe('1000:1000');
    expect(runtime.instructions.find((i) => i.keyword === 'WORKDIR')?.args).toBe('/app');
    for (const deployment of deployments.filter((d) => d.metadata.labels?.['app.kubernetes.io/part-of'] === 'mestres-cafe')) {
      const context = podSpec(deployment).securityContext;
      expect(`${context.runAsUser}:${context.runAsGroup}`).toBe(user);
    }
  });

  it('contains every file the Deployments, migration Jobs and gateway config point at', () => {
    const shipped = copies(runtime).map((copy) => (copy.from ? copy.destination.replace(/^\.\//, '') : copy.sources[0]));
    const provided = (file: string) => shipped.some((entry) => file === entry.replace(/\/$/, '') || file.startsWith(entry.replace(/\/$/, '') + '/'));
    const commands = production
      .filter((object) => object.metadata.labels?.['app.kubernetes.io/part-of'] === 'mestres-cafe')
      .flatMap((object) => podSpecs(object).flatMap((spec) => spec.containers as any[]).map((container) => container.command?.[1]))
      .filter(Boolean);
    expect(commands.length).toBeGreaterThanOrEqual(11);
    for (const file of commands) expect({ file, provided: provided(file) }).toEqual({ file, provided: true });
    const gateway = deployments.find((deployment) => deployment.metadata.name === 'gateway')!;
    const supergraph = effectiveEnv(podSpec(gateway).containers[0], production, gateway.metadata.namespace).SUPERGRAPH_PATH;
    expect(provided(supergraph.replace(/^\/app\//, ''))).toBe(true);
  });

  it('keeps dependencies, build output, git history and env files out of the build context', () => {
    const ignored = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n').map((line) => line.trim());
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', '.git', '.env', '.env.*']));
  });
});
