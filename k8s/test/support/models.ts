import type { K8sObject } from '../kustomize';

// kubernetes-models is an ES module with an `import`-only export map, which Jest's
// CommonJS runtime cannot require; a real dynamic import (kept out of reach of the
// TypeScript-to-CommonJS transform by `new Function`) loads it.
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<Record<string, unknown>>;

interface Model {
  validate(): void;
}
type ModelClass = new (data: unknown) => Model;

/** Whether kubernetes-models describes this apiVersion (built-in Kubernetes APIs only). */
export function isBuiltInApi(apiVersion: string): boolean {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return group === '' || !group.includes('.') || group.endsWith('.k8s.io');
}

/**
 * Validates each built-in object with its kubernetes-models class (types, required fields,
 * formats). Returns one message per invalid object.
 */
export async function validateWithKubernetesModels(objects: K8sObject[]): Promise<string[]> {
  const problems: string[] = [];
  for (const object of objects.filter((candidate) => isBuiltInApi(candidate.apiVersion))) {
    const groupVersion = object.apiVersion.includes('/') ? object.apiVersion : 'v1';
    let modelClass: ModelClass | undefined;
    try {
      const module = await importModule(`kubernetes-models/${groupVersion}/${object.kind}`);
      modelClass = module[object.kind] as ModelClass | undefined;
    } catch {
      modelClass = undefined;
    }
    if (!modelClass) {
      problems.push(`${object.kind}/${object.metadata.name}: no kubernetes-models class for ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new modelClass(object).validate();
    } catch (error) {
      problems.push(`${object.kind}/${object.metadata.name}: ${(error as Error).message}`);
    }
  }
  return problems;
}
