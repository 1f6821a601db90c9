import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type K8sObject, renderKustomization, splitImage } from './kustomize';
import { validateWithKubernetesModels } from './support/models';
import { type PodRef, networkAllows, podRef, serviceBackends } from './support/network-policy';
import { findFieldProblems } from './support/strict-fields';
import { K8S_DIR, TREES } from './support/tools';
import {
  type Container,
  type PodTemplate,
  allContainers,
  effectiveEnv,
  mapSelector,
  objectId,
  podTemplates,
  selectorMatches,
} from './support/workloads';

/* eslint-disable @typescript-eslint/no-explicit-any */

const APPS = { gateway: 4000, catalog: 4001, orders: 4002, courses: 4003, users: 4004, jobs: 4005 } as const;
type App = keyof typeof APPS;
const DATABASE_APPS: App[] = ['catalog', 'orders', 'courses', 'users', 'jobs'];
// Apps the gateway routes GraphQL to; jobs serves admin-only fields.
const SUBGRAPHS: App[] = ['catalog', 'orders', 'courses', 'users', 'jobs'];
const INGRESS_NGINX: PodRef = { namespace: 'ingress-nginx', labels: { 'app.kubernetes.io/name': 'ingress-nginx' } };
const REPO_DIR = path.resolve(K8S_DIR, '..');
const PRESTOP_SECONDS = 5;
// What the apps need after the drain to close servers, pools and connections.
const CLOSE_MARGIN_SECONDS = 10;
// The gateway's cluster primary kills workers still running this long after the drain.
const GATEWAY_PRIMARY_CLOSE_MARGIN_SECONDS = 20;

/** Kubernetes CPU quantity ("1", "1500m") in cores. */
const cores = (quantity: string) => (quantity.endsWith('m') ? Number(quantity.slice(0, -1)) / 1000 : Number(quantity));

/** Secrets documented in k8s/README.md (## Secrets table): name -> keys. */
function documentedSecrets(): Map<string, Set<string>> {
  const readme = readFileSync(path.join(K8S_DIR, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((part) => part.startsWith('Secrets'));
  if (!section) throw new Error('k8s/README.md has no "## Secrets" section');
  const secrets = new Map<string, Set<string>>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length < 4 || !cells[1].startsWith('`')) continue;
    const names = [...cells[1].matchAll(/`([^`]+)`/g)].map((match) => match[1]);
    const keys = [...cells[2].matchAll(/`([^`]+)`/g)].map((match) => match[1]);
    for (const name of names) secrets.set(name, new Set(keys));
  }
  return secrets;
}

/**
 * Every config key some app reads: the generated `.env.example` (from the apps' config
 * schemas) lists each once, commented out when it has no default.
 */
function keysTheAppsRead(): Set<string> {
  const text = readFileSync(path.join(REPO_DIR, '.env.example'), 'utf8');
  return new Set([...text.matchAll(/^(?:# )?([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]));
}
const rendered = Object.fromEntries(Object.entries(TREES).map(([name, dir]) => [name, renderKustomization(dir)])) as Record<
  keyof typeof TREES,
  K8sObject[]
>;

const ofKind = (objects: K8sObject[], kind: string) => objects.filter((object) => object.kind === kind);
const named = (objects: K8sObject[], kind: string, name: string) => {
  const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
  if (!found) throw new Error(`no ${kind}/${name}`);
  return found;
};
const appDeployment = (objects: K8sObject[], app: App) => named(objects, 'Deployment', app);
const appContainer = (deployment: K8sObject): Container => (deployment.spec as any).template.spec.containers.find((c: Container) => c.name === 'app');
const isAppServer = (pod: PodTemplate) => pod.labels['app.kubernetes.io/part-of'] === 'mestres-cafe' && pod.labels['app.kubernetes.io/component'] === 'server';

describe.each(Object.keys(TREES) as (keyof typeof TREES)[])('%s manifests', (tree) => {
  const objects = rendered[tree];
  const pods = podTemplates(objects);
  const podsWithSpec = pods.filter((pod) => pod.spec);
  const namespace = ofKind(objects, 'Namespace')[0]?.metadata.name;

  it('validate against the Kubernetes API models (kubernetes-models)', async () => {
    expect(await validateWithKubernetesModels(objects)).toEqual([]);
  });

  it('use only known, well-typed fields (TypeScript check against the API and CRD types)', () => {
    expect(findFieldProblems(objects)).toEqual([]);
  });

  it('put every namespaced object in the one namespace and commit no Secret', () => {
    expect(ofKind(objects, 'Namespace')).toHaveLength(1);
    const elsewhere = objects.filter((object) => object.kind !== 'Namespace' && object.metadata.namespace !== namespace).map(objectId);
    expect(elsewhere).toEqual([]);
    expect(ofKind(objects, 'Secret').map(objectId)).toEqual([]);
  });

  it('run one Deployment, Service, PodDisruptionBudget and dedicated ServiceAccount per app', () => {
    for (const app of Object.keys(APPS) as App[]) {
      const deployment = appDeployment(objects, app);
      const spec = (deployment.spec as any).template.spec;
      expect(deployment.spec).not.toHaveProperty('replicas');
      expect(appContainer(deployment).command).toEqual(['node', `dist/apps/${app}/src/main.js`]);

      const account = named(objects, 'ServiceAccount', app);
      expect(spec.serviceAccountName).toBe(app);
      expect(account.automountServiceAccountToken).toBe(false);
      expect(spec.automountServiceAccountToken).toBe(false);

      const service = named(objects, 'Service', app);
      expect((service.spec as any).ports).toEqual([expect.objectContaining({ port: APPS[app], targetPort: 'http' })]);
      const port = appContainer(deployment).ports.find((p: any) => p.name === 'http');
      expect(port.containerPort).toBe(APPS[app]);
      expect(effectiveEnv(appContainer(deployment), objects, namespace).PORT).toBe(String(APPS[app]));

      expect((named(objects, 'PodDisruptionBudget', app).spec as any).maxUnavailable).toBe(1);
    }
    const accounts = ofKind(objects, 'Deployment').map((d) => (d.spec as any).template.spec.serviceAccountName).filter(Boolean);
    expect(new Set(accounts).size).toBe(accounts.length);
  });

  it('give every container startup, readiness and liveness probes on declared ports', () => {
    const problems: string[] = [];
    for (const pod of podsWithSpec.filter((p) => p.owner.kind !== 'Job')) {
      for (const container of pod.spec!.containers) {
        const ports = container.ports ?? [];
        for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
          const definition = container[probe];
          if (!definition) {
            problems.push(`${objectId(pod.owner)}/${container.name}: no ${probe}`);
            continue;
          }
          const port = definition.httpGet?.port ?? definition.tcpSocket?.port;
          if (port === undefined) continue; // exec probe
          const declared = ports.some((p: any) => p.name === port || p.containerPort === port);
          if (!declared) problems.push(`${objectId(pod.owner)}/${container.name}: ${probe} uses undeclared port ${port}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('probe the apps on /health/live (startup, liveness) and /health/ready (readiness)', () => {
    for (const app of Object.keys(APPS) as App[]) {
      const container = appContainer(appDeployment(objects, app));
      expect(container.startupProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
      expect(container.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
      expect(container.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
    }
  });

  it('set CPU and memory requests and limits on every container', () => {
    const problems: string[] = [];
    for (const pod of podsWithSpec) {
      for (const container of allContainers(pod.spec!)) {
        for (const kind of ['requests', 'limits']) {
          for (const resource of ['cpu', 'memory']) {
            if (!container.resources?.[kind]?.[resource]) problems.push(`${objectId(pod.owner)}/${container.name}: no ${kind}.${resource}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('meet the restricted Pod Security Standard: non-root, no escalation, drop ALL, seccomp, read-only root', () => {
    const problems: string[] = [];
    for (const pod of podsWithSpec) {
      const spec = pod.spec!;
      const podContext = spec.securityContext ?? {};
      if (spec.hostNetwork || spec.hostPID || spec.hostIPC) problems.push(`${objectId(pod.owner)}: host namespaces`);
      if ((spec.volumes ?? []).some((volume: any) => volume.hostPath)) problems.push(`${objectId(pod.owner)}: hostPath volume`);
      for (const container of allContainers(spec)) {
        const context = container.securityContext ?? {};
        const where = `${objectId(pod.owner)}/${container.name}`;
        if ((context.runAsNonRoot ?? podContext.runAsNonRoot) !== true) problems.push(`${where}: runAsNonRoot`);
        if ((context.runAsUser ?? podContext.runAsUser) === 0) problems.push(`${where}: runs as uid 0`);
        if ((context.seccompProfile ?? podContext.seccompProfile)?.type !== 'RuntimeDefault') problems.push(`${where}: seccomp`);
        if (context.allowPrivilegeEscalation !== false) problems.push(`${where}: allowPrivilegeEscalation`);
        if (context.privileged) problems.push(`${where}: privileged`);
        if (!(context.capabilities?.drop ?? []).includes('ALL')) problems.push(`${where}: capabilities not dropped`);
        if ((context.capabilities?.add ?? []).length > 0) problems.push(`${where}: capabilities added`);
        if (context.readOnlyRootFilesystem !== true) problems.push(`${where}: writable root filesystem`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('give the apps and migrations an emptyDir /tmp, since their root filesystem is read-only', () => {
    for (const pod of podsWithSpec.filter((p) => p.labels['app.kubernetes.io/part-of'] === 'mestres-cafe')) {
      for (const container of pod.spec!.containers) {
        const mount = (container.volumeMounts ?? []).find((m: any) => m.mountPath === '/tmp');
        expect(mount).toBeDefined();
        const volume = pod.spec!.volumes.find((v: any) => v.name === mount.name);
        expect(volume.emptyDir).toBeDefined();
      }
    }
  });

  it('keep preStop + SHUTDOWN_GRACE_SECONDS + close time under terminationGracePeriodSeconds', () => {
    for (const app of Object.keys(APPS) as App[]) {
      const deployment = appDeployment(objects, app);
      const container = appContainer(deployment);
      expect(container.lifecycle.preStop.exec.command).toEqual(['sleep', String(PRESTOP_SECONDS)]);
      const grace = Number(effectiveEnv(container, objects, namespace).SHUTDOWN_GRACE_SECONDS);
      expect(grace).toBeGreaterThan(0);
      expect((deployment.spec as any).template.spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(
        PRESTOP_SECONDS + grace + CLOSE_MARGIN_SECONDS,
      );
    }
  });

  it('spread every app across hosts and zones with a selector that matches its own pods', () => {
    for (const app of Object.keys(APPS) as App[]) {
      const template = (appDeployment(objects, app).spec as any).template;
      const constraints = template.spec.topologySpreadConstraints;
      expect(constraints.map((c: any) => c.topologyKey).sort()).toEqual(['kubernetes.io/hostname', 'topology.kubernetes.io/zone']);
      for (const constraint of constraints) expect(selectorMatches(constraint.labelSelector, template.metadata.labels)).toBe(true);
    }
  });

  it('point every Service, PodDisruptionBudget and NetworkPolicy selector at pods that exist', () => {
    const problems: string[] = [];
    const matchesSomePod = (selector: any) => pods.some((pod) => selectorMatches(selector, pod.labels));
    for (const service of ofKind(objects, 'Service')) {
      if (!matchesSomePod(mapSelector((service.spec as any).selector))) problems.push(objectId(service));
    }
    for (const budget of ofKind(objects, 'PodDisruptionBudget')) {
      if (!matchesSomePod((budget.spec as any).selector)) problems.push(objectId(budget));
    }
    for (const policy of ofKind(objects, 'NetworkPolicy')) {
      const spec = policy.spec as any;
      if (Object.keys(spec.podSelector).length > 0 && !matchesSomePod(spec.podSelector)) problems.push(`${objectId(policy)} podSelector`);
      for (const rule of [...(spec.ingress ?? []).map((r: any) => r.from), ...(spec.egress ?? []).map((r: any) => r.to)]) {
        for (const peer of rule ?? []) {
          // Peers in this namespace must exist; peers in other namespaces are cluster add-ons.
          // The base leaves Postgres, Redis and NATS to the overlays.
          if (tree !== 'base' && peer.podSelector && !peer.namespaceSelector && !matchesSomePod(peer.podSelector)) {
            problems.push(`${objectId(policy)} peer ${JSON.stringify(peer.podSelector)}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('let each Service target a port its pods declare', () => {
    for (const service of ofKind(objects, 'Service')) {
      const spec = service.spec as any;
      const selected = podsWithSpec.filter((pod) => selectorMatches(mapSelector(spec.selector), pod.labels));
      for (const port of spec.ports) {
        const declared = selected.some((pod) =>
          pod.spec!.containers.some((c: Container) => (c.ports ?? []).some((p: any) => p.name === port.targetPort || p.containerPort === port.targetPort)),
        );
        expect({ service: service.metadata.name, port: port.name, declared }).toEqual({ service: service.metadata.name, port: port.name, declared: true });
      }
    }
  });

  it('start with default-deny and open only the documented flows', () => {
    const policies = ofKind(objects, 'NetworkPolicy');
    const denyAll = named(objects, 'NetworkPolicy', 'default-deny-all').spec as any;
    expect(denyAll).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    const dns = named(objects, 'NetworkPolicy', 'allow-dns-egress').spec as any;
    expect(dns.egress[0].ports).toEqual([
      { protocol: 'UDP', port: 53 },
      { protocol: 'TCP', port: 53 },
    ]);
    const ingress = named(objects, 'NetworkPolicy', 'gateway-from-ingress-nginx').spec as any;
    expect(ingress.ingress[0].from[0].namespaceSelector.matchLabels).toEqual({ 'kubernetes.io/metadata.name': 'ingress-nginx' });
    expect(ingress.ingress[0].ports).toEqual([{ protocol: 'TCP', port: APPS.gateway }]);
    const gatewayEgress = named(objects, 'NetworkPolicy', 'gateway-to-subgraphs').spec as any;
    expect(gatewayEgress.egress.map((rule: any) => rule.ports[0].port)).toEqual(SUBGRAPHS.map((app) => APPS[app]));
    // Only ingress-nginx (to the gateway and the payment webhook), Prometheus and the
    // CloudNativePG operator reach in from other namespaces.
    const fromOtherNamespaces = policies.filter((policy) =>
      ((policy.spec as any).ingress ?? []).some((rule: any) => (rule.from ?? []).some((peer: any) => peer.namespaceSelector)),
    );
    for (const policy of fromOtherNamespaces) {
      const sources = (policy.spec as any).ingress.flatMap((rule: any) => rule.from.map((peer: any) => peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name']));
      expect(sources.filter(Boolean).every((source: string) => ['ingress-nginx', 'monitoring', 'cnpg-system'].includes(source))).toBe(true);
    }
    // Every app port is open to Prometheus.
    const scrape = named(objects, 'NetworkPolicy', 'apps-from-prometheus').spec as any;
    for (const pod of pods.filter(isAppServer)) expect(selectorMatches(scrape.podSelector, pod.labels)).toBe(true);
  });

  it('let the gateway reach every subgraph it is configured for, through its Service and the policies', () => {
    const gateway = pods.find((pod) => pod.owner.kind === 'Deployment' && pod.owner.metadata.name === 'gateway')!;
    const gatewayEnv = effectiveEnv(appContainer(appDeployment(objects, 'gateway')), objects, namespace);
    // Every subgraph in the committed supergraph needs a URL here, or the gateway uses its local one.
    const supergraph = readFileSync(path.join(REPO_DIR, 'apps', 'gateway', 'supergraph.graphql'), 'utf8');
    const composed = [...supergraph.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((match) => match[1]);
    const problems: string[] = [];
    for (const name of new Set<string>([...SUBGRAPHS, ...composed])) {
      const value = gatewayEnv[`${name.toUpperCase()}_URL`];
      if (!value) {
        problems.push(`${name}: no ${name.toUpperCase()}_URL`);
        continue;
      }
      const url = new URL(value);
      const backends = serviceBackends(objects, pods, url.hostname, Number(url.port));
      if (backends.length === 0) problems.push(`${name}: no pods behind ${url.host}`);
      for (const backend of backends) {
        if (backend.pod.labels['app.kubernetes.io/name'] !== name) problems.push(`${name}: ${url.host} selects ${objectId(backend.pod.owner)}`);
        if (!networkAllows(objects, podRef(gateway), podRef(backend.pod), backend.port)) {
          problems.push(`${name}: gateway -> ${objectId(backend.pod.owner)}:${backend.port.number} is denied`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('let ingress-nginx reach exactly the pods its Ingresses route to', () => {
    const routed = new Set<PodTemplate>();
    const problems: string[] = [];
    for (const ingress of ofKind(objects, 'Ingress')) {
      for (const rule of (ingress.spec as any).rules) {
        for (const route of rule.http.paths) {
          const { name, port } = route.backend.service;
          const backends = serviceBackends(objects, pods, name, port.name ?? port.number);
          if (backends.length === 0) problems.push(`${objectId(ingress)} ${route.path}: no pods behind ${name}`);
          for (const backend of backends) {
            routed.add(backend.pod);
            if (!networkAllows(objects, INGRESS_NGINX, podRef(backend.pod), backend.port)) problems.push(`${objectId(ingress)} ${route.path}: denied`);
          }
        }
      }
    }
    for (const pod of pods.filter((candidate) => candidate.spec && !routed.has(candidate))) {
      for (const container of pod.spec!.containers) {
        for (const declared of container.ports ?? []) {
          if (networkAllows(objects, INGRESS_NGINX, podRef(pod), { number: declared.containerPort, name: declared.name })) {
            problems.push(`ingress-nginx may reach ${objectId(pod.owner)}:${declared.containerPort}, which no Ingress routes to`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('set only config keys an app reads (no typos, no leftovers)', () => {
    const known = keysTheAppsRead();
    const unknown = new Set<string>();
    for (const app of Object.keys(APPS) as App[]) {
      for (const key of Object.keys(effectiveEnv(appContainer(appDeployment(objects, app)), objects, namespace))) {
        if (!known.has(key)) unknown.add(`${app}: ${key}`);
      }
    }
    expect([...unknown]).toEqual([]);
  });

  it('agree across apps on token claims and secrets, and keep the jobs service production-safe', () => {
    const env = Object.fromEntries((Object.keys(APPS) as App[]).map((app) => [app, effectiveEnv(appContainer(appDeployment(objects, app)), objects, namespace)]));
    for (const app of ['users', 'gateway', 'jobs'] as App[]) {
      expect({ app, issuer: env[app].JWT_ISSUER, audience: env[app].JWT_AUDIENCE }).toEqual({ app, issuer: env.users.JWT_ISSUER, audience: env.users.JWT_AUDIENCE });
    }
    expect(env.users.JWT_ISSUER).toBeTruthy();
    for (const app of ['gateway', ...SUBGRAPHS] as App[]) {
      expect({ app, secret: env[app].INTERNAL_AUTH_SECRET }).toEqual({ app, secret: '<secret:mestres-internal-auth/INTERNAL_AUTH_SECRET>' });
    }
    for (const app of ['gateway', 'jobs'] as App[]) expect(env[app].JWT_PUBLIC_KEYS).toBe('<secret:jwt-public-keys/JWT_PUBLIC_KEYS>');
    expect(env.orders.PAYMENT_WEBHOOK_SECRET).toBe('<secret:orders-payment-webhook/PAYMENT_WEBHOOK_SECRET>');
    expect(env.jobs.SMTP_URL).toBe('<secret:jobs-smtp/SMTP_URL>');
    expect(env.jobs.DEV_SMTP_SERVER).toBe('false');
    // The nightly job asks orders for as many months of partitions as orders keeps at boot.
    expect(env.jobs.PARTITION_MONTHS_AHEAD).toBe(env.orders.ORDER_PARTITIONS_MONTHS_AHEAD);
  });

  it('run one gateway worker per CPU of its limit, trust one proxy hop, and give the cluster time to stop', () => {
    const deployment = appDeployment(objects, 'gateway');
    const container = appContainer(deployment);
    const env = effectiveEnv(container, objects, namespace);
    const workers = Number(env.GATEWAY_WORKERS);
    expect(workers).toBe(Math.ceil(cores(container.resources.limits.cpu)));
    expect(env.TRUSTED_PROXY_HOPS).toBe('1');
    if (workers > 1) {
      expect((deployment.spec as any).template.spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(
        PRESTOP_SECONDS + Number(env.SHUTDOWN_GRACE_SECONDS) + GATEWAY_PRIMARY_CLOSE_MARGIN_SECONDS,
      );
    }
  });

  it('reference only ConfigMap keys that exist and Secrets documented in k8s/README.md', () => {
    const secrets = documentedSecrets();
    const problems: string[] = [];
    const configMap = (name: string) => objects.find((object) => object.kind === 'ConfigMap' && object.metadata.name === name);
    const checkSecret = (where: string, name: string, key?: string) => {
      if (!secrets.has(name)) problems.push(`${where}: Secret ${name} is not documented`);
      else if (key && !secrets.get(name)!.has(key)) problems.push(`${where}: key ${key} of Secret ${name} is not documented`);
    };
    for (const pod of podsWithSpec) {
      for (const container of allContainers(pod.spec!)) {
        const where = `${objectId(pod.owner)}/${container.name}`;
        for (const source of container.envFrom ?? []) {
          if (source.configMapRef && !configMap(source.configMapRef.name)) problems.push(`${where}: no ConfigMap ${source.configMapRef.name}`);
          if (source.secretRef) checkSecret(where, source.secretRef.name);
        }
        for (const variable of container.env ?? []) {
          const cmRef = variable.valueFrom?.configMapKeyRef;
          if (cmRef && !(configMap(cmRef.name)?.data as any)?.[cmRef.key]) problems.push(`${where}: no key ${cmRef.key} in ConfigMap ${cmRef.name}`);
          const secretRef = variable.valueFrom?.secretKeyRef;
          if (secretRef) checkSecret(where, secretRef.name, secretRef.key);
        }
      }
      for (const volume of pod.spec!.volumes ?? []) {
        if (volume.configMap && !configMap(volume.configMap.name)) problems.push(`${objectId(pod.owner)}: no ConfigMap ${volume.configMap.name}`);
        if (volume.secret) checkSecret(objectId(pod.owner), volume.secret.secretName);
      }
    }
    for (const cluster of ofKind(objects, 'Cluster')) {
      const spec = cluster.spec as any;
      if (spec.bootstrap?.initdb?.secret) checkSecret(objectId(cluster), spec.bootstrap.initdb.secret.name, 'password');
      for (const role of spec.managed?.roles ?? []) if (role.passwordSecret) checkSecret(objectId(cluster), role.passwordSecret.name, 'password');
    }
    for (const ingress of ofKind(objects, 'Ingress')) for (const tls of (ingress.spec as any).tls ?? []) checkSecret(objectId(ingress), tls.secretName);
    expect(problems).toEqual([]);
  });

  it('pin every image to a version: no `latest`, no missing tag', () => {
    const problems: string[] = [];
    for (const pod of podsWithSpec) {
      for (const container of allContainers(pod.spec!)) {
        const { tag, digest } = splitImage(container.image);
        if (!digest && (!tag || tag === 'latest')) problems.push(`${objectId(pod.owner)}/${container.name}: ${container.image}`);
      }
    }
    for (const cluster of ofKind(objects, 'Cluster')) {
      const { tag } = splitImage((cluster.spec as any).imageName);
      if (!tag || tag === 'latest') problems.push(`${objectId(cluster)}: ${(cluster.spec as any).imageName}`);
    }
    expect(problems).toEqual([]);
  });

  it('run one migration Job per database app, with the admin URL, separate from the app pods', () => {
    for (const app of DATABASE_APPS) {
      const job = named(objects, 'Job', `${app}-migrate`);
      const spec = (job.spec as any).template.spec;
      const [container] = spec.containers;
      expect(container.command).toEqual(['node', 'scripts/migrate.mjs', app]);
      expect(container.image).toBe(appContainer(appDeployment(objects, app)).image);
      const env = effectiveEnv(container, objects, namespace);
      expect(env.DATABASE_ADMIN_URL).toBe('<secret:postgres-admin/DATABASE_ADMIN_URL>');
      expect(env.DATABASE_URL).toBe(`<secret:${app}-db/DATABASE_URL>`);
      expect(spec.restartPolicy).toBe('Never');
      // Deployments never select migration pods.
      const deploymentSelector = (appDeployment(objects, app).spec as any).selector;
      expect(selectorMatches(deploymentSelector, (job.spec as any).template.metadata.labels)).toBe(false);
    }
    // The admin credentials reach no long-running pod.
    for (const pod of podsWithSpec.filter(isAppServer)) {
      for (const container of allContainers(pod.spec!)) expect(JSON.stringify(container)).not.toContain('postgres-admin');
    }
  });

  it('wire the gateway to each subgraph Service and give database apps their own credentials', () => {
    const gatewayEnv = effectiveEnv(appContainer(appDeployment(objects, 'gateway')), objects, namespace);
    for (const app of SUBGRAPHS) expect(gatewayEnv[`${app.toUpperCase()}_URL`]).toBe(`http://${app}:${APPS[app]}/graphql`);
    expect(gatewayEnv.SUPERGRAPH_PATH).toBe('/app/apps/gateway/supergraph.graphql');
    for (const app of DATABASE_APPS) {
      const env = effectiveEnv(appContainer(appDeployment(objects, app)), objects, namespace);
      expect(env.DATABASE_URL).toBe(`<secret:${app}-db/DATABASE_URL>`);
      for (const key of ['DATABASE_POOL_SIZE', 'DATABASE_STATEMENT_TIMEOUT_MS', 'DATABASE_SLOW_QUERY_MS']) expect(Number(env[key])).toBeGreaterThan(0);
    }
    for (const app of Object.keys(APPS) as App[]) {
      const env = effectiveEnv(appContainer(appDeployment(objects, app)), objects, namespace);
      for (const key of ['NODE_ENV', 'LOG_LEVEL', 'HOST', 'REDIS_URL', 'NATS_URL', 'OTEL_TRACES_SAMPLER_RATIO', 'SHUTDOWN_GRACE_SECONDS']) {
        expect({ app, key, set: key in env }).toEqual({ app, key, set: true });
      }
    }
  });

  it('route only /graphql of the gateway through ingress-nginx, with a body limit and timeouts', () => {
    const ingress = named(objects, 'Ingress', 'gateway');
    const spec = ingress.spec as any;
    expect(spec.ingressClassName).toBe('nginx');
    const paths = spec.rules.flatMap((rule: any) => rule.http.paths);
    expect(paths).toEqual([{ path: '/graphql', pathType: 'Exact', backend: { service: { name: 'gateway', port: { name: 'http' } } } }]);
    const annotations = ingress.metadata.annotations ?? {};
    for (const key of ['proxy-body-size', 'proxy-read-timeout', 'proxy-send-timeout', 'proxy-connect-timeout']) {
      expect(annotations[`nginx.ingress.kubernetes.io/${key}`]).toBeDefined();
    }
    // nginx and the gateway agree on the body limit, and nginx waits longer than the gateway
    // waits for a subgraph, so a slow subgraph yields the gateway's partial answer, not a 504.
    const gatewayEnv = effectiveEnv(appContainer(appDeployment(objects, 'gateway')), objects, namespace);
    const bodySize = /^(\d+)m$/.exec(annotations['nginx.ingress.kubernetes.io/proxy-body-size'])!;
    expect(Number(bodySize[1]) * 1024 * 1024).toBe(Number(gatewayEnv.BODY_LIMIT_BYTES));
    expect(Number(annotations['nginx.ingress.kubernetes.io/proxy-read-timeout']) * 1000).toBeGreaterThan(Number(gatewayEnv.SUBGRAPH_TIMEOUT_MS));
  });

  it('route the payment webhook straight to orders on the gateway host, and nothing else of orders', () => {
    const ingress = named(objects, 'Ingress', 'payment-webhooks');
    const spec = ingress.spec as any;
    expect(spec.ingressClassName).toBe('nginx');
    expect(spec.rules.map((rule: any) => rule.host)).toEqual((named(objects, 'Ingress', 'gateway').spec as any).rules.map((rule: any) => rule.host));
    const paths = spec.rules.flatMap((rule: any) => rule.http.paths);
    expect(paths).toEqual([{ path: '/webhooks/payments', pathType: 'Exact', backend: { service: { name: 'orders', port: { name: 'http' } } } }]);
    expect(ingress.metadata.annotations?.['nginx.ingress.kubernetes.io/proxy-body-size']).toBeDefined();
  });
});

describe.each(['development', 'production'] as const)('%s overlay network', (tree) => {
  const objects = rendered[tree];
  const pods = podTemplates(objects);
  const appPod = (app: App) => pods.find((pod) => pod.owner.kind === 'Deployment' && pod.owner.metadata.name === app)!;

  const reachesService = (app: App, service: string, port: number) => {
    const backends = serviceBackends(objects, pods, service, port);
    return backends.length > 0 && backends.every((backend) => networkAllows(objects, podRef(appPod(app)), podRef(backend.pod), backend.port));
  };

  it('lets every app reach Redis and NATS (the gateway subscribes to cache invalidations)', () => {
    for (const app of Object.keys(APPS) as App[]) {
      expect({ app, redis: reachesService(app, 'redis', 6379), nats: reachesService(app, 'nats', 4222) }).toEqual({ app, redis: true, nats: true });
    }
  });

  it('lets the database apps and their migrations reach every Postgres instance, and no other app', () => {
    const postgres = pods.filter((pod) => pod.labels['app.kubernetes.io/name'] === 'postgres');
    expect(postgres.length).toBeGreaterThan(0);
    const port = { number: 5432, name: 'postgres' };
    const clients = pods.filter((pod) => pod.labels['app.kubernetes.io/part-of'] === 'mestres-cafe');
    for (const client of clients) {
      const app = client.labels['app.kubernetes.io/name'] as App;
      const allowed = postgres.every((instance) => networkAllows(objects, podRef(client), podRef(instance), port));
      expect({ pod: objectId(client.owner), allowed }).toEqual({ pod: objectId(client.owner), allowed: DATABASE_APPS.includes(app) });
    }
  });
});

describe('production overlay', () => {
  const objects = rendered.production;
  const namespace = ofKind(objects, 'Namespace')[0].metadata.name;
  const hpas = ofKind(objects, 'HorizontalPodAutoscaler');
  const scaledObject = named(objects, 'ScaledObject', 'jobs').spec as any;
  const maxReplicas = (app: App) =>
    app === 'jobs' ? scaledObject.maxReplicaCount : (named(objects, 'HorizontalPodAutoscaler', app).spec as any).maxReplicas;

  it('autoscales the gateway and subgraphs on CPU 70% and per-pod request rate, with HA minimums', () => {
    // Jobs, a subgraph too, scales on its queue with KEDA (below).
    expect(hpas.map((hpa) => hpa.metadata.name).sort()).toEqual(['gateway', ...SUBGRAPHS.filter((app) => app !== 'jobs')].sort());
    for (const hpa of hpas) {
      const spec = hpa.spec as any;
      expect(spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: hpa.metadata.name });
      appDeployment(objects, hpa.metadata.name as App);
      expect(spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(spec.maxReplicas).toBeGreaterThan(spec.minReplicas);
      expect(spec.metrics).toContainEqual({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } });
      const pods = spec.metrics.find((metric: any) => metric.type === 'Pods');
      expect(pods.pods.metric.name).toBe('mestres_http_requests_per_second');
      expect(Number(pods.pods.target.averageValue)).toBeGreaterThan(0);
    }
  });

  it('scales up at once and fast, and down slowly in small steps', () => {
    for (const hpa of hpas) {
      const { scaleUp, scaleDown } = (hpa.spec as any).behavior;
      expect(scaleUp.stabilizationWindowSeconds).toBe(0);
      expect(scaleUp.selectPolicy).toBe('Max');
      expect(scaleUp.policies).toEqual(
        expect.arrayContaining([expect.objectContaining({ type: 'Percent', value: 100, periodSeconds: 15 })]),
      );
      expect(scaleDown.stabilizationWindowSeconds).toBe(300);
      expect(scaleDown.selectPolicy).toBe('Min');
      for (const policy of scaleDown.policies) expect(policy.periodSeconds).toBeGreaterThanOrEqual(60);
    }
  });

  it('scales the jobs service on waiting jobs with KEDA and never to zero', () => {
    expect(scaledObject.scaleTargetRef.name).toBe('jobs');
    expect(scaledObject.minReplicaCount).toBeGreaterThanOrEqual(1);
    expect(hpas.some((hpa) => (hpa.spec as any).scaleTargetRef.name === 'jobs')).toBe(false);
    const prometheus = scaledObject.triggers.find((trigger: any) => trigger.type === 'prometheus');
    expect(prometheus.metadata.query).toContain('mestres_queue_depth');
    expect(prometheus.metadata.query).toContain('state="waiting"');
    expect(prometheus.metadata.query).toContain(`namespace="${namespace}"`);
  });

  it('fits every database pool at maximum scale into Postgres max_connections', () => {
    const cluster = named(objects, 'Cluster', 'mestres-pg').spec as any;
    const maxConnections = Number(cluster.postgresql.parameters.max_connections);
    // Superuser slots, migrations, the operator and an operator's psql session.
    const reserved = 20;
    const demand = DATABASE_APPS.reduce((sum, app) => {
      const pool = Number(effectiveEnv(appContainer(appDeployment(objects, app)), objects, namespace).DATABASE_POOL_SIZE);
      return sum + maxReplicas(app) * pool;
    }, 0);
    expect(demand).toBeLessThanOrEqual(maxConnections - reserved);
  });

  it('runs Postgres as a primary and two replicas with pg_stat_statements, NATS and Redis as three-node clusters', () => {
    const cluster = named(objects, 'Cluster', 'mestres-pg').spec as any;
    expect(cluster.instances).toBe(3);
    expect(Object.keys(cluster.postgresql.parameters).some((key) => key.startsWith('pg_stat_statements.'))).toBe(true);
    expect((named(objects, 'StatefulSet', 'nats').spec as any).replicas).toBe(3);
    const natsConfig = (named(objects, 'ConfigMap', 'nats-config').data as any)['nats.conf'];
    expect(natsConfig).toMatch(/jetstream \{/);
    expect(natsConfig.match(/nats:\/\/nats-\d\.nats-headless:6222/g)).toHaveLength(3);
    expect((named(objects, 'StatefulSet', 'redis').spec as any).replicas).toBe(3);
    const containers = (named(objects, 'StatefulSet', 'redis').spec as any).template.spec.containers.map((c: Container) => c.name);
    expect(containers).toEqual(expect.arrayContaining(['redis', 'sentinel']));
  });

  it('reads from the replicas and writes to the primary', () => {
    for (const app of DATABASE_APPS) {
      const env = (appContainer(appDeployment(objects, app)).env as any[]).find((variable) => variable.name === 'DATABASE_READ_URL');
      expect(env.valueFrom.secretKeyRef).toEqual({ name: `${app}-db`, key: 'DATABASE_READ_URL', optional: true });
    }
    const readme = readFileSync(path.join(K8S_DIR, 'README.md'), 'utf8');
    expect(readme).toContain('@mestres-pg-ro:5432/mestres');
    expect(readme).toContain('@mestres-pg-rw:5432/mestres');
  });

  it('takes REDIS_URL from a Secret in every app (Redis requires a password)', () => {
    for (const app of Object.keys(APPS) as App[]) {
      expect(effectiveEnv(appContainer(appDeployment(objects, app)), objects, namespace).REDIS_URL).toBe('<secret:redis-auth/REDIS_URL>');
    }
  });

  it('scrapes every app with a PodMonitor on its http port', () => {
    const monitors = ofKind(objects, 'PodMonitor');
    for (const app of Object.keys(APPS) as App[]) {
      const labels = (appDeployment(objects, app).spec as any).template.metadata.labels;
      const monitor = monitors.find((candidate) => selectorMatches((candidate.spec as any).selector, labels));
      expect(monitor).toBeDefined();
      expect((monitor!.spec as any).podMetricsEndpoints).toEqual([expect.objectContaining({ port: 'http', path: '/metrics' })]);
    }
    const pods = podTemplates(objects);
    for (const monitor of monitors) {
      const selected = pods.filter((pod) => selectorMatches((monitor.spec as any).selector, pod.labels));
      expect({ monitor: monitor.metadata.name, pods: selected.length > 0 }).toEqual({ monitor: monitor.metadata.name, pods: true });
    }
  });

  it('provisions the Grafana dashboard with every panel the runbook refers to', () => {
    const configMap = named(objects, 'ConfigMap', 'mestres-dashboards');
    expect(configMap.metadata.labels).toEqual({ grafana_dashboard: '1' });
    const dashboard = JSON.parse((configMap.data as any)['mestres-overview.json']);
    const titles = dashboard.panels.map((panel: any) => panel.title);
    for (const title of [
      'Latency /graphql (p50, p95, p99)',
      'Throughput',
      'Error rate',
      'Active users',
      'CPU per pod',
      'Memory per pod (RSS)',
      'Query time p95 by service',
      'Pool connections',
      'Cache hit ratio',
      'Slow queries per minute',
      'Queue depth',
    ]) {
      expect(titles).toContain(title);
    }
    const ids = dashboard.panels.map((panel: any) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('terminates TLS with one cert-manager certificate for every Ingress of the host', () => {
    const gateway = named(objects, 'Ingress', 'gateway');
    expect(gateway.metadata.annotations?.['cert-manager.io/cluster-issuer']).toBeDefined();
    for (const ingress of ofKind(objects, 'Ingress')) {
      const spec = ingress.spec as any;
      expect(spec.tls).toEqual([{ hosts: spec.rules.map((rule: any) => rule.host), secretName: 'gateway-tls' }]);
      // One Certificate per secret: a second issuer annotation would make cert-manager fight over it.
      if (ingress !== gateway) expect(ingress.metadata.annotations?.['cert-manager.io/cluster-issuer']).toBeUndefined();
    }
  });

  it('lets only the storefront call the API from a browser, with no GraphiQL or introspection', () => {
    const gatewayEnv = effectiveEnv(appContainer(appDeployment(objects, 'gateway')), objects, namespace);
    const origins = gatewayEnv.CORS_ORIGINS.split(',').map((origin) => origin.trim());
    expect(origins.length).toBeGreaterThan(0);
    for (const origin of origins) expect(origin).toMatch(/^https:\/\/[^/]+$/);
    // Links in e-mails lead to a page that may call the API.
    const storefront = effectiveEnv(appContainer(appDeployment(objects, 'jobs')), objects, namespace).PUBLIC_WEB_URL;
    expect(origins).toContain(new URL(storefront).origin);
    expect(gatewayEnv.GRAPHIQL).toBe('false');
    expect(gatewayEnv.INTROSPECTION).toBe('false');
  });

  it('uses the released image from the registry', () => {
    for (const app of Object.keys(APPS) as App[]) {
      expect(appContainer(appDeployment(objects, app)).image).toMatch(/^registry\.example\.com\/mestres-cafe\/platform:\d+\.\d+\.\d+$/);
    }
  });
});

describe('development overlay', () => {
  const objects = rendered.development;

  it('delivers e-mail to Mailpit', () => {
    const pods = podTemplates(objects);
    const jobs = pods.find((pod) => pod.owner.kind === 'Deployment' && pod.owner.metadata.name === 'jobs')!;
    const backends = serviceBackends(objects, pods, 'mailpit', 1025);
    expect(backends.length).toBeGreaterThan(0);
    for (const backend of backends) expect(networkAllows(objects, podRef(jobs), podRef(backend.pod), backend.port)).toBe(true);
  });

  it('needs no operator or monitoring CRDs', () => {
    const custom = objects.filter((object) => object.apiVersion.includes('.') && !object.apiVersion.includes('k8s.io'));
    expect(custom.map(objectId)).toEqual([]);
  });

  it('serves plain HTTP on a local host name', () => {
    const ingresses = ofKind(objects, 'Ingress');
    expect(ingresses.map((ingress) => ingress.metadata.name).sort()).toEqual(['gateway', 'payment-webhooks']);
    for (const ingress of ingresses) {
      expect((ingress.spec as any).tls).toBeUndefined();
      expect(ingress.metadata.annotations?.['cert-manager.io/cluster-issuer']).toBeUndefined();
      expect(ingress.metadata.annotations?.['nginx.ingress.kubernetes.io/force-ssl-redirect']).toBe('false');
      expect((ingress.spec as any).rules[0].host).toBe('api.mestres.localhost');
    }
  });
});
