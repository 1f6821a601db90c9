import { type K8sObject, podSpecs } from '../kustomize';

// Loose shapes of the rendered objects (already validated against kubernetes-models).
/* eslint-disable @typescript-eslint/no-explicit-any */
export type Container = Record<string, any>;
export type PodSpec = Record<string, any>;

/** Pods a rendered object will create: workloads' templates and CloudNativePG instances. */
export interface PodTemplate {
  owner: K8sObject;
  namespace: string | undefined;
  labels: Record<string, string>;
  /** Undefined for pods an operator builds (CloudNativePG instances). */
  spec?: PodSpec;
}

export const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod']);

export function podTemplates(objects: K8sObject[]): PodTemplate[] {
  const pods: PodTemplate[] = [];
  for (const object of objects) {
    if (WORKLOAD_KINDS.has(object.kind)) {
      const spec = object.spec as any;
      const template = object.kind === 'CronJob' ? spec.jobTemplate.spec.template : object.kind === 'Pod' ? object : spec.template;
      pods.push({ owner: object, namespace: object.metadata.namespace, labels: template.metadata?.labels ?? {}, spec: podSpecs(object)[0] });
    } else if (object.kind === 'Cluster' && object.apiVersion.startsWith('postgresql.cnpg.io/')) {
      // CloudNativePG labels its instance pods with the cluster name, plus inheritedMetadata.
      const inherited = (object.spec as any).inheritedMetadata?.labels ?? {};
      pods.push({
        owner: object,
        namespace: object.metadata.namespace,
        labels: { ...inherited, 'cnpg.io/cluster': object.metadata.name, 'cnpg.io/podRole': 'instance' },
      });
    }
  }
  return pods;
}

export function allContainers(spec: PodSpec): Container[] {
  return [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[];
}

/** Kubernetes label-selector semantics; an empty selector matches everything. */
export function selectorMatches(selector: LabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!selector) return true;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (labels[key] !== value) return false;
  for (const { key, operator, values = [] } of selector.matchExpressions ?? []) {
    const has = key in labels;
    if (operator === 'In' && !(has && values.includes(labels[key]))) return false;
    if (operator === 'NotIn' && has && values.includes(labels[key])) return false;
    if (operator === 'Exists' && !has) return false;
    if (operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** A Service-style selector (plain map) as a LabelSelector. */
export function mapSelector(selector: Record<string, string> | undefined): LabelSelector {
  return { matchLabels: selector ?? {} };
}

/**
 * The environment a container sees from its ConfigMaps and literal values, in Kubernetes'
 * precedence: envFrom sources in order (later wins), then `env` entries. Values from Secrets
 * are reported as `<secret:name/key>`.
 */
export function effectiveEnv(container: Container, objects: K8sObject[], namespace: string | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) Object.assign(env, findConfigMapData(objects, source.configMapRef.name, namespace));
  }
  for (const variable of container.env ?? []) {
    const secretRef = variable.valueFrom?.secretKeyRef;
    const configMapRef = variable.valueFrom?.configMapKeyRef;
    if (secretRef) env[variable.name] = `<secret:${secretRef.name}/${secretRef.key}>`;
    else if (configMapRef) env[variable.name] = String(findConfigMapData(objects, configMapRef.name, namespace)[configMapRef.key] ?? '');
    else env[variable.name] = String(variable.value ?? '');
  }
  return env;
}

export function objectId(object: K8sObject): string {
  return `${object.kind}/${object.metadata.name}`;
}

function findConfigMapData(objects: K8sObject[], name: string, namespace: string | undefined): Record<string, string> {
  const configMap = objects.find((object) => object.kind === 'ConfigMap' && object.metadata.name === name && object.metadata.namespace === namespace);
  return (configMap?.data as Record<string, string> | undefined) ?? {};
}
