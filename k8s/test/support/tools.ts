import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { type K8sObject, parseYamlDocuments } from '../kustomize';

/** The k8s/ directory. */
export const K8S_DIR = path.resolve(__dirname, '..', '..');

/** The rendered trees the tests check: the base and both overlays. */
export const TREES = {
  base: path.join(K8S_DIR, 'base'),
  development: path.join(K8S_DIR, 'overlays', 'development'),
  production: path.join(K8S_DIR, 'overlays', 'production'),
} as const;

/**
 * `kubectl kustomize` when a kubectl with kustomize v5 is installed (Debian's kubectl 1.20
 * embeds kustomize v2, which predates the fields used here), otherwise undefined.
 */
export function kubectlKustomize(): ((dir: string) => K8sObject[]) | undefined {
  const version = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  const kustomize = /Kustomize Version: v(\d+)\./.exec(version.stdout ?? '');
  if (version.status !== 0 || !kustomize || Number(kustomize[1]) < 5) return undefined;
  return (dir) => {
    const result = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`kubectl kustomize ${dir} failed: ${result.stderr}`);
    return parseYamlDocuments(result.stdout, `kubectl kustomize ${dir}`);
  };
}

/** Absolute path of promtool, or a failure that says how to install it. */
export function requirePromtool(): string {
  const which = spawnSync('sh', ['-c', 'command -v promtool'], { encoding: 'utf8' });
  const found = which.stdout.trim();
  if (which.status !== 0 || !found) {
    throw new Error(
      'promtool is not installed; the alert-rule tests need it. Install it with ' +
        '`apt-get update && apt-get install -y prometheus` (Debian) or put a Prometheus release\'s promtool on PATH.',
    );
  }
  return found;
}
