import { type K8sObject, configMapHash, matchesLabelSelector, parseEnvFile, renderKustomization, splitImage } from './kustomize';
import { writeTempTree } from './support/temp-tree';
import { K8S_DIR, TREES, kubectlKustomize } from './support/tools';
import path from 'node:path';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web, tier: front}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: app
          image: registry.local:5000/team/web:1.0
          envFrom:
            - configMapRef: {name: settings}
          env:
            - name: MODE
              valueFrom: {configMapKeyRef: {name: settings, key: MODE}}
            - name: KEEP
              value: "1"
          ports:
            - {name: http, containerPort: 8080}
      initContainers:
        - name: init
          image: busybox:1.36
      volumes:
        - name: cfg
          configMap: {name: settings}
`;

function find(objects: K8sObject[], kind: string, namePrefix: string): K8sObject {
  const found = objects.find((object) => object.kind === kind && object.metadata.name.startsWith(namePrefix));
  if (!found) throw new Error(`no ${kind} ${namePrefix}* in ${objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`);
  return found;
}

function container(object: K8sObject, name = 'app'): Record<string, any> {
  const spec = (object.spec as any).template.spec;
  return [...spec.containers, ...(spec.initContainers ?? [])].find((c: any) => c.name === name);
}

describe(renderKustomization.name, () => {
  it('matches the hash suffixes kustomize v5 gives generated ConfigMaps', () => {
    // Values taken from `kubectl kustomize` (kustomize v5.5.0) output.
    expect(configMapHash({ X: '1' })).toBe('4f64tg9ch6');
    expect(configMapHash({ A: '1', B: 'x<y&z', C: '', D: '"q"' })).toBe('57f7ktgc9t');
  });

  it('renders a base with an overlay: namespace, generator merge, hashing and reference rewriting', () => {
    const tree = writeTempTree({
      'base/kustomization.yaml': `namespace: team
resources: [namespace.yaml, deployment.yaml]
configMapGenerator:
  - name: settings
    envs: [settings.env]
`,
      'base/namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n',
      'base/deployment.yaml': deployment,
      'base/settings.env': '# comment\nMODE=base\nLEVEL=info\n\nEMPTY=\n',
      'overlay/kustomization.yaml': `namespace: team-dev
resources: [../base]
configMapGenerator:
  - name: settings
    behavior: merge
    literals: [MODE=dev]
`,
    });
    try {
      const base = renderKustomization(path.join(tree.root, 'base'));
      const overlay = renderKustomization(path.join(tree.root, 'overlay'));

      const baseSettings = find(base, 'ConfigMap', 'settings-');
      expect(baseSettings.data).toEqual({ MODE: 'base', LEVEL: 'info', EMPTY: '' });
      expect(baseSettings.metadata.name).toBe(`settings-${configMapHash({ MODE: 'base', LEVEL: 'info', EMPTY: '' })}`);

      const settings = find(overlay, 'ConfigMap', 'settings-');
      expect(settings.data).toEqual({ MODE: 'dev', LEVEL: 'info', EMPTY: '' });
      expect(settings.metadata.namespace).toBe('team-dev');
      expect(settings.metadata.name).not.toBe(baseSettings.metadata.name);

      const web = find(overlay, 'Deployment', 'web');
      expect(web.metadata.namespace).toBe('team-dev');
      expect(container(web).envFrom[0].configMapRef.name).toBe(settings.metadata.name);
      expect(container(web).env[0].valueFrom.configMapKeyRef.name).toBe(settings.metadata.name);
      expect((web.spec as any).template.spec.volumes[0].configMap.name).toBe(settings.metadata.name);
      expect(find(overlay, 'Namespace', 'team').metadata).toEqual({ name: 'team-dev' });
    } finally {
      tree.remove();
    }
  });

  it('applies strategic merge patches by label selector, prepending new list items as kustomize does', () => {
    const tree = writeTempTree({
      'kustomization.yaml': `resources: [deployment.yaml]
patches:
  - target: {kind: Deployment, labelSelector: "tier=front"}
    patch: |-
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: placeholder}
      spec:
        template:
          spec:
            containers:
              - name: app
                env:
                  - {name: ADDED, value: "yes"}
                  - {name: KEEP, value: "2"}
                resources: {requests: {cpu: 50m}}
  - path: drop-init.yaml
`,
      'deployment.yaml': deployment,
      'drop-init.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      initContainers:
        - {name: init, $patch: delete}
`,
    });
    try {
      const [web] = renderKustomization(tree.root);
      expect(web.metadata.name).toBe('web');
      expect(container(web).env.map((variable: any) => [variable.name, variable.value])).toEqual([
        ['ADDED', 'yes'],
        ['MODE', undefined],
        ['KEEP', '2'],
      ]);
      expect(container(web).resources).toEqual({ requests: { cpu: '50m' } });
      expect(container(web).ports).toEqual([{ name: 'http', containerPort: 8080 }]);
      expect((web.spec as any).template.spec.initContainers).toEqual([]);
    } finally {
      tree.remove();
    }
  });

  it('applies JSON 6902 patches, unescaping ~1 in paths', () => {
    const tree = writeTempTree({
      'kustomization.yaml': `resources: [ingress.yaml]
patches:
  - target: {kind: Ingress, name: edge}
    patch: |-
      - {op: replace, path: /spec/rules/0/host, value: local.test}
      - {op: remove, path: /metadata/annotations/cert-manager.io~1cluster-issuer}
      - {op: add, path: /spec/rules/-, value: {host: extra.test}}
`,
      'ingress.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: edge
  annotations: {cert-manager.io/cluster-issuer: prod, keep: "1"}
spec:
  rules: [{host: example.com}]
`,
    });
    try {
      const [ingress] = renderKustomization(tree.root);
      expect(ingress.metadata.annotations).toEqual({ keep: '1' });
      expect((ingress.spec as any).rules).toEqual([{ host: 'local.test' }, { host: 'extra.test' }]);
    } finally {
      tree.remove();
    }
  });

  it('rewrites images by name and keeps generated names fixed when hashing is disabled', () => {
    const tree = writeTempTree({
      'kustomization.yaml': `resources: [deployment.yaml]
images:
  - {name: registry.local:5000/team/web, newName: cr.example/web, newTag: "2.0"}
  - {name: busybox, digest: "sha256:abc"}
configMapGenerator:
  - name: settings
    files: [conf/app.json]
    options:
      disableNameSuffixHash: true
      labels: {grafana_dashboard: "1"}
`,
      'deployment.yaml': deployment,
      'conf/app.json': '{"a": 1}\n',
    });
    try {
      const objects = renderKustomization(tree.root);
      const web = find(objects, 'Deployment', 'web');
      expect(container(web).image).toBe('cr.example/web:2.0');
      expect(container(web, 'init').image).toBe('busybox@sha256:abc');
      const settings = find(objects, 'ConfigMap', 'settings');
      expect(settings.metadata).toEqual({ name: 'settings', labels: { grafana_dashboard: '1' } });
      expect(settings.data).toEqual({ 'app.json': '{"a": 1}\n' });
      expect(container(web).envFrom[0].configMapRef.name).toBe('settings');
    } finally {
      tree.remove();
    }
  });

  it('rejects kustomization fields it does not implement instead of ignoring them', () => {
    const tree = writeTempTree({ 'kustomization.yaml': 'resources: []\ncommonLabels: {a: b}\n' });
    try {
      expect(() => renderKustomization(tree.root)).toThrow(/commonLabels.*not supported/);
    } finally {
      tree.remove();
    }
  });

  it('fails when a patch matches nothing, so a renamed object cannot silently lose its patch', () => {
    const tree = writeTempTree({
      'kustomization.yaml': `resources: [deployment.yaml]
patches:
  - target: {kind: Deployment, name: missing}
    patch: '[{op: remove, path: /spec}]'
`,
      'deployment.yaml': deployment,
    });
    try {
      expect(() => renderKustomization(tree.root)).toThrow(/matches nothing/);
    } finally {
      tree.remove();
    }
  });
});

describe('YAML parsing', () => {
  it('reads YAML 1.1 like the API server: a leading-zero mode is octal', () => {
    const tree = writeTempTree({
      'kustomization.yaml': 'resources: [cm.yaml]\n',
      'cm.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  volumes:\n    - name: s\n      configMap: {name: s, defaultMode: 0555}\n',
    });
    try {
      const [pod] = renderKustomization(tree.root);
      expect((pod.spec as any).volumes[0].configMap.defaultMode).toBe(0o555);
    } finally {
      tree.remove();
    }
  });
});

describe(parseEnvFile.name, () => {
  it('keeps values verbatim, including quotes and equals signs', () => {
    expect(parseEnvFile('# c\nA="q"\nB=x=y\n\n', 'f')).toEqual({ A: '"q"', B: 'x=y' });
  });

  it('rejects a line without a key', () => {
    expect(() => parseEnvFile('=oops\n', 'f.env')).toThrow(/f.env:1/);
  });
});

describe(splitImage.name, () => {
  it('separates a registry port from the tag', () => {
    expect(splitImage('registry.local:5000/team/web:1.0')).toEqual({ name: 'registry.local:5000/team/web', tag: '1.0', digest: undefined });
    expect(splitImage('web@sha256:abc')).toEqual({ name: 'web', digest: 'sha256:abc' });
  });
});

describe(matchesLabelSelector.name, () => {
  it('supports =, == and != terms', () => {
    expect(matchesLabelSelector({ a: '1', b: '2' }, 'a=1,b==2')).toBe(true);
    expect(matchesLabelSelector({ a: '1' }, 'a=1,b!=2')).toBe(true);
    expect(matchesLabelSelector({ a: '1', b: '2' }, 'a=1,b!=2')).toBe(false);
  });
});

// The renderer is only worth trusting if it agrees with the real thing. kubectl with
// kustomize v5 is not on every machine (Debian ships 1.20), so this comparison runs where
// it can and says so where it cannot.
const kustomize = kubectlKustomize();
const sortKey = (object: K8sObject) => `${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`;
const sorted = (objects: K8sObject[]) => [...objects].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));

describe('renderer agrees with kubectl kustomize', () => {
  const trees = { ...TREES, monitoring: path.join(K8S_DIR, 'monitoring'), autoscaling: path.join(K8S_DIR, 'autoscaling') };
  for (const [name, dir] of Object.entries(trees)) {
    (kustomize ? it : it.skip)(`renders ${name} exactly as kubectl kustomize does${kustomize ? '' : ' (needs kubectl with kustomize v5)'}`, () => {
      expect(sorted(renderKustomization(dir))).toEqual(sorted(kustomize!(dir)));
    });
  }
});
