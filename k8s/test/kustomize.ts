// A small renderer for the subset of kustomize (v5) these manifests use, so the tests can
// build the overlays without a kustomize binary. Supported, with kustomize's semantics:
//   resources            files (multi-document YAML) and directories (nested kustomizations)
//   namespace            set on every namespaced object; a Namespace object is renamed to it
//   images               name -> newName / newTag / digest, in every containers/initContainers list
//   configMapGenerator   envs, literals, files; behavior create|merge|replace; options
//                        (disableNameSuffixHash, labels, annotations); generatorOptions
//   patches              path or inline; strategic merge (built-in kinds' merge keys, new list
//                        items prepended as kustomize does, `$patch: delete|replace`) or
//                        JSON 6902; `target` by kind, name and labelSelector
// Generated ConfigMaps get kustomize's content-hash suffix once, at the top level, and
// references to them in pod specs are rewritten. Anything else in a kustomization is an
// error, so an unsupported field can never be silently ignored.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/** A Kubernetes object as parsed from YAML. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface GeneratorOptions {
  disableNameSuffixHash?: boolean;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

interface ConfigMapGeneratorArgs {
  name: string;
  namespace?: string;
  behavior?: 'create' | 'merge' | 'replace';
  envs?: string[];
  literals?: string[];
  files?: string[];
  options?: GeneratorOptions;
}

interface PatchEntry {
  path?: string;
  patch?: string;
  target?: { group?: string; version?: string; kind?: string; name?: string; namespace?: string; labelSelector?: string };
}

interface Kustomization {
  apiVersion?: string;
  kind?: string;
  namespace?: string;
  resources?: string[];
  images?: { name: string; newName?: string; newTag?: string; digest?: string }[];
  configMapGenerator?: ConfigMapGeneratorArgs[];
  generatorOptions?: GeneratorOptions;
  patches?: PatchEntry[];
}

const SUPPORTED_FIELDS = new Set([
  'apiVersion',
  'kind',
  'namespace',
  'resources',
  'images',
  'configMapGenerator',
  'generatorOptions',
  'patches',
]);

// Marks a generated ConfigMap that still needs its hash suffix (removed before output).
const NEEDS_HASH = Symbol('needsHash');
type Tracked = K8sObject & { [NEEDS_HASH]?: boolean };

/** Kinds that are not namespaced (the ones a kustomization of ours could contain). */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
  'IngressClass',
  'ClusterIssuer',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
]);

/** Renders the kustomization in `dir` the way `kubectl kustomize dir` would. */
export function renderKustomization(dir: string): K8sObject[] {
  const objects = build(path.resolve(dir));
  finalizeGeneratedNames(objects);
  return objects.map((object) => {
    const { [NEEDS_HASH]: _marker, ...rest } = object;
    return rest as K8sObject;
  });
}

/**
 * Parses every document of a YAML stream, failing on YAML errors. YAML 1.1, like the
 * Kubernetes API server and kustomize: `defaultMode: 0555` is octal there, not 555.
 */
export function parseYamlDocuments(text: string, source: string): K8sObject[] {
  const objects: K8sObject[] = [];
  for (const document of parseAllDocuments(text, { version: '1.1' })) {
    if (document.errors.length > 0) throw new Error(`${source}: ${document.errors[0].message}`);
    const value = document.toJS() as K8sObject | null;
    if (value !== null && value !== undefined) objects.push(value);
  }
  return objects;
}

function build(dir: string): Tracked[] {
  const file = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'].map((name) => path.join(dir, name)).find(existsSync);
  if (!file) throw new Error(`${dir}: no kustomization.yaml`);
  const kustomization = parseYamlDocuments(readFileSync(file, 'utf8'), file)[0] as unknown as Kustomization;
  for (const field of Object.keys(kustomization)) {
    if (!SUPPORTED_FIELDS.has(field)) throw new Error(`${file}: field "${field}" is not supported by this renderer`);
  }

  let objects: Tracked[] = [];
  for (const entry of kustomization.resources ?? []) {
    const target = path.resolve(dir, entry);
    if (statSync(target).isDirectory()) objects.push(...build(target));
    else objects.push(...parseYamlDocuments(readFileSync(target, 'utf8'), target));
  }

  for (const args of kustomization.configMapGenerator ?? []) {
    objects = applyConfigMapGenerator(objects, args, kustomization.generatorOptions ?? {}, dir);
  }

  for (const entry of kustomization.patches ?? []) applyPatch(objects, entry, dir);

  if (kustomization.namespace) {
    for (const object of objects) {
      if (object.kind === 'Namespace') object.metadata.name = kustomization.namespace;
      else if (!CLUSTER_SCOPED.has(object.kind)) object.metadata.namespace = kustomization.namespace;
    }
  }

  for (const image of kustomization.images ?? []) {
    for (const object of objects) forEachContainerList(object as unknown as Json, (container) => setImage(container, image));
  }

  assertUniqueIds(objects, file);
  return objects;
}

function assertUniqueIds(objects: K8sObject[], file: string): void {
  const seen = new Set<string>();
  for (const object of objects) {
    const id = `${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`;
    if (seen.has(id)) throw new Error(`${file}: duplicate object ${id}`);
    seen.add(id);
  }
}

// ---------------------------------------------------------------------------- generators

function applyConfigMapGenerator(objects: Tracked[], args: ConfigMapGeneratorArgs, defaults: GeneratorOptions, dir: string): Tracked[] {
  const data: Record<string, string> = {};
  for (const envFile of args.envs ?? []) Object.assign(data, parseEnvFile(readFileSync(path.resolve(dir, envFile), 'utf8'), envFile));
  for (const literal of args.literals ?? []) Object.assign(data, parseEnvFile(literal, 'literal'));
  for (const entry of args.files ?? []) {
    const [key, source] = entry.includes('=') ? entry.split('=', 2) : [path.basename(entry), entry];
    data[key] = readFileSync(path.resolve(dir, source), 'utf8');
  }
  const options: GeneratorOptions = {
    ...defaults,
    ...args.options,
    labels: { ...defaults.labels, ...args.options?.labels },
    annotations: { ...defaults.annotations, ...args.options?.annotations },
  };
  const behavior = args.behavior ?? 'create';

  if (behavior === 'create') {
    const generated: Tracked = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: args.name, ...(args.namespace ? { namespace: args.namespace } : {}) },
      data,
    };
    if (Object.keys(options.labels ?? {}).length > 0) generated.metadata.labels = { ...options.labels };
    if (Object.keys(options.annotations ?? {}).length > 0) generated.metadata.annotations = { ...options.annotations };
    if (!options.disableNameSuffixHash) generated[NEEDS_HASH] = true;
    return [...objects, generated];
  }

  const existing = objects.find((object) => object.kind === 'ConfigMap' && object.metadata.name === args.name);
  if (!existing) throw new Error(`configMapGenerator ${args.name}: behavior ${behavior} but no such ConfigMap in the resources`);
  existing.data = behavior === 'merge' ? { ...(existing.data as Record<string, string>), ...data } : data;
  if (Object.keys(options.labels ?? {}).length > 0) existing.metadata.labels = { ...existing.metadata.labels, ...options.labels };
  if (Object.keys(options.annotations ?? {}).length > 0) {
    existing.metadata.annotations = { ...existing.metadata.annotations, ...options.annotations };
  }
  if (options.disableNameSuffixHash) existing[NEEDS_HASH] = false;
  return objects;
}

/** KEY=value lines; blank lines and `#` comments skipped; values kept verbatim (no quote handling). */
export function parseEnvFile(text: string, source: string): Record<string, string> {
  const data: Record<string, string> = {};
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const equals = line.indexOf('=');
    if (equals <= 0) throw new Error(`${source}:${index + 1}: expected KEY=value, got "${line}"`);
    data[line.slice(0, equals).trim()] = line.slice(equals + 1);
  }
  return data;
}

/**
 * kustomize's name suffix for a ConfigMap: the first ten hex digits of the SHA-256 of
 * `{"data":...,"kind":"ConfigMap","name":""}` as Go's encoding/json writes it, with
 * 0,1,3,a,e swapped for g,h,k,m,t. (kustomize v5 looks the name up under a path that never
 * matches, so the name is always empty in the hashed document.)
 */
export function configMapHash(data: Record<string, string>): string {
  const hex = createHash('sha256').update(goJson({ data, kind: 'ConfigMap', name: '' })).digest('hex');
  return hex.slice(0, 10).replace(/[013ae]/g, (digit) => ({ '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' })[digit] ?? digit);
}

function goJson(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  if (typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${goJson(key)}:${goJson(value[key])}`)
      .join(',')}}`;
  }
  if (typeof value === 'string') {
    // Go escapes <, > and & (and the two JS line separators) for safe embedding in HTML.
    return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  return JSON.stringify(value);
}

function finalizeGeneratedNames(objects: Tracked[]): void {
  const renamed = new Map<string, string>();
  for (const object of objects) {
    if (object.kind !== 'ConfigMap' || !object[NEEDS_HASH]) continue;
    const hashed = `${object.metadata.name}-${configMapHash((object.data ?? {}) as Record<string, string>)}`;
    renamed.set(`${object.metadata.namespace ?? ''}/${object.metadata.name}`, hashed);
    object.metadata.name = hashed;
  }
  if (renamed.size === 0) return;
  for (const object of objects) {
    for (const pod of podSpecs(object)) rewriteConfigMapRefs(pod, (name) => renamed.get(`${object.metadata.namespace ?? ''}/${name}`));
  }
}

/** The pod specs inside a workload object (Pod, Deployment, StatefulSet, Job, CronJob...). */
export function podSpecs(object: K8sObject): JsonObject[] {
  const spec = object.spec as JsonObject | undefined;
  if (!spec) return [];
  if (object.kind === 'Pod') return [spec];
  const template = spec.template as JsonObject | undefined;
  if (template?.spec) return [template.spec as JsonObject];
  const jobTemplate = spec.jobTemplate as JsonObject | undefined;
  const jobSpec = jobTemplate?.spec as JsonObject | undefined;
  const jobPodTemplate = jobSpec?.template as JsonObject | undefined;
  return jobPodTemplate?.spec ? [jobPodTemplate.spec as JsonObject] : [];
}

function rewriteConfigMapRefs(pod: JsonObject, rename: (name: string) => string | undefined): void {
  const swap = (ref: Json | undefined) => {
    if (ref && typeof ref === 'object' && !Array.isArray(ref) && typeof ref.name === 'string') {
      ref.name = rename(ref.name) ?? ref.name;
    }
  };
  for (const list of ['containers', 'initContainers', 'ephemeralContainers']) {
    for (const container of (pod[list] as JsonObject[] | undefined) ?? []) {
      for (const source of (container.envFrom as JsonObject[] | undefined) ?? []) swap(source.configMapRef);
      for (const variable of (container.env as JsonObject[] | undefined) ?? []) {
        swap((variable.valueFrom as JsonObject | undefined)?.configMapKeyRef);
      }
    }
  }
  for (const volume of (pod.volumes as JsonObject[] | undefined) ?? []) {
    swap(volume.configMap);
    const sources = ((volume.projected as JsonObject | undefined)?.sources as JsonObject[] | undefined) ?? [];
    for (const source of sources) swap(source.configMap);
  }
}

// ---------------------------------------------------------------------------- images

function forEachContainerList(node: Json, visit: (container: JsonObject) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) forEachContainerList(item, visit);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'containers' || key === 'initContainers') && Array.isArray(value)) {
        for (const container of value) if (container && typeof container === 'object' && !Array.isArray(container)) visit(container);
      } else {
        forEachContainerList(value, visit);
      }
    }
  }
}

function setImage(container: JsonObject, image: { name: string; newName?: string; newTag?: string; digest?: string }): void {
  if (typeof container.image !== 'string') return;
  const { name, tag, digest } = splitImage(container.image);
  if (name !== image.name) return;
  const newName = image.newName ?? name;
  if (image.digest) container.image = `${newName}@${image.digest}`;
  else if (image.newTag) container.image = `${newName}:${image.newTag}`;
  else container.image = `${newName}${digest ? `@${digest}` : tag ? `:${tag}` : ''}`;
}

/** Splits `registry:5000/repo/name:tag@sha256:...` into its parts. */
export function splitImage(image: string): { name: string; tag?: string; digest?: string } {
  const [withoutDigest, digest] = image.split('@', 2);
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  if (colon === -1) return { name: withoutDigest, digest };
  return { name: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1), digest };
}

// ---------------------------------------------------------------------------- patches

function applyPatch(objects: Tracked[], entry: PatchEntry, dir: string): void {
  const text = entry.path ? readFileSync(path.resolve(dir, entry.path), 'utf8') : entry.patch;
  if (!text) throw new Error(`${dir}: a patch needs \`path\` or \`patch\``);
  const parsed = parseYamlDocuments(text, entry.path ?? 'inline patch') as unknown as Json[];
  const isJson6902 = parsed.length === 1 && Array.isArray(parsed[0]);

  if (isJson6902) {
    if (!entry.target) throw new Error(`${dir}: a JSON 6902 patch needs a target`);
    const matches = objects.filter((object) => matchesTarget(object, entry.target!));
    if (matches.length === 0) throw new Error(`${dir}: patch target ${JSON.stringify(entry.target)} matches nothing`);
    for (const object of matches) applyJson6902(object as unknown as JsonObject, parsed[0] as JsonObject[]);
    return;
  }

  for (const patch of parsed as unknown as K8sObject[]) {
    const target = entry.target ?? { kind: patch.kind, name: patch.metadata?.name };
    const matches = objects.filter((object) => matchesTarget(object, target));
    if (matches.length === 0) throw new Error(`${dir}: patch target ${JSON.stringify(target)} matches nothing`);
    for (const object of matches) {
      if ((patch as unknown as JsonObject).$patch === 'delete') {
        objects.splice(objects.indexOf(object), 1);
        continue;
      }
      const { metadata, apiVersion: _apiVersion, kind: _kind, ...body } = patch as unknown as JsonObject;
      // A targeted patch's own name and kind are placeholders; only its content applies.
      const { name: _name, namespace: _namespace, ...metadataBody } = (metadata ?? {}) as JsonObject;
      const merged = strategicMerge(object as unknown as JsonObject, { ...body, metadata: metadataBody }, object.kind, []);
      Object.assign(object, merged);
    }
  }
}

function matchesTarget(object: K8sObject, target: NonNullable<PatchEntry['target']>): boolean {
  const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : ['', object.apiVersion];
  if (target.kind && target.kind !== object.kind) return false;
  if (target.name && target.name !== object.metadata.name) return false;
  if (target.namespace && target.namespace !== object.metadata.namespace) return false;
  if (target.group !== undefined && target.group !== group) return false;
  if (target.version && target.version !== version) return false;
  if (target.labelSelector && !matchesLabelSelector(object.metadata.labels ?? {}, target.labelSelector)) return false;
  return true;
}

/** Equality-based selectors (`a=b,c!=d,e`), as kustomize's target.labelSelector accepts. */
export function matchesLabelSelector(labels: Record<string, string>, selector: string): boolean {
  return selector
    .split(',')
    .map((term) => term.trim())
    .filter(Boolean)
    .every((term) => {
      const notEqual = term.match(/^([^!=]+)!=(.*)$/);
      if (notEqual) return labels[notEqual[1].trim()] !== notEqual[2].trim();
      const equal = term.match(/^([^=]+)==?(.*)$/);
      if (equal) return labels[equal[1].trim()] === equal[2].trim();
      return term in labels;
    });
}

/**
 * Merge keys of the built-in list fields we patch, keyed by field name. Lists not named
 * here (and every list of a custom resource) are replaced, as kustomize does without a schema.
 */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  imagePullSecrets: 'name',
  tolerations: 'key',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
};
const BUILT_IN_GROUPS = new Set(['v1', 'apps/v1', 'batch/v1', 'policy/v1', 'autoscaling/v2', 'networking.k8s.io/v1']);

function mergeKeyFor(kind: string, fieldPath: string[], field: string, apiVersion: string | undefined): string | undefined {
  if (apiVersion !== undefined && !BUILT_IN_GROUPS.has(apiVersion)) return undefined;
  if (field === 'ports') {
    // Container ports merge on containerPort; Service ports on port.
    return kind === 'Service' && fieldPath.join('.') === 'spec' ? 'port' : 'containerPort';
  }
  return MERGE_KEYS[field];
}

function strategicMerge(original: JsonObject, patch: JsonObject, kind: string, fieldPath: string[], apiVersion?: string): JsonObject {
  const version = apiVersion ?? (original.apiVersion as string | undefined);
  if (patch.$patch === 'replace') {
    const { $patch: _directive, ...rest } = patch;
    return rest;
  }
  const result: JsonObject = { ...original };
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch') continue;
    const current = original[key];
    if (value === null) {
      delete result[key];
    } else if (Array.isArray(value)) {
      const mergeKey = mergeKeyFor(kind, fieldPath, key, version);
      result[key] = mergeKey && Array.isArray(current) ? mergeList(current, value, mergeKey, kind, [...fieldPath, key], version) : value;
    } else if (typeof value === 'object' && current && typeof current === 'object' && !Array.isArray(current)) {
      result[key] = strategicMerge(current, value, kind, [...fieldPath, key], version);
    } else if (typeof value === 'object') {
      result[key] = strategicMerge({}, value, kind, [...fieldPath, key], version);
    } else {
      result[key] = value;
    }
  }
  return result;
}

function mergeList(original: Json[], patch: Json[], mergeKey: string, kind: string, fieldPath: string[], apiVersion?: string): Json[] {
  const result = [...original];
  const added: Json[] = [];
  for (const item of patch) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw new Error(`cannot merge list item ${JSON.stringify(item)}`);
    const index = result.findIndex((candidate) => (candidate as JsonObject)?.[mergeKey] === item[mergeKey]);
    if (item.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
    } else if (index >= 0) {
      result[index] = strategicMerge(result[index] as JsonObject, item, kind, fieldPath, apiVersion);
    } else {
      added.push(strategicMerge({}, item, kind, fieldPath, apiVersion));
    }
  }
  // kustomize merges with "list prepend": new items come first, in patch order.
  return [...added, ...result];
}

function applyJson6902(object: JsonObject, operations: JsonObject[]): void {
  for (const operation of operations) {
    const pointer = String(operation.path)
      .split('/')
      .slice(1)
      .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = pointer.pop();
    if (last === undefined) throw new Error('JSON patch on the document root is not supported');
    let parent: Json = object;
    for (const token of pointer) {
      parent = Array.isArray(parent) ? parent[Number(token)] : (parent as JsonObject)?.[token];
      if (parent === undefined || parent === null || typeof parent !== 'object') {
        throw new Error(`JSON patch path ${String(operation.path)} does not exist`);
      }
    }
    const container = parent as JsonObject | Json[];
    const exists = Array.isArray(container) ? Number(last) < container.length : last in container;
    switch (operation.op) {
      case 'add':
        if (Array.isArray(container)) container.splice(last === '-' ? container.length : Number(last), 0, operation.value);
        else container[last] = operation.value;
        break;
      case 'replace':
        if (!exists) throw new Error(`JSON patch replace: ${String(operation.path)} does not exist`);
        if (Array.isArray(container)) container[Number(last)] = operation.value;
        else container[last] = operation.value;
        break;
      case 'remove':
        if (!exists) throw new Error(`JSON patch remove: ${String(operation.path)} does not exist`);
        if (Array.isArray(container)) container.splice(Number(last), 1);
        else delete container[last];
        break;
      default:
        throw new Error(`JSON patch op ${String(operation.op)} is not supported`);
    }
  }
}
