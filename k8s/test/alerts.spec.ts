import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { type K8sObject, renderKustomization } from './kustomize';
import { writeTempTree } from './support/temp-tree';
import { K8S_DIR, TREES, requirePromtool } from './support/tools';

/* eslint-disable @typescript-eslint/no-explicit-any */

const ALERT_TESTS = path.join(__dirname, 'alerts', 'slo-alerts.test.yaml');
const METRICS_SOURCE = path.resolve(K8S_DIR, '..', 'libs', 'observability', 'src', 'metrics', 'metrics.ts');

const production = renderKustomization(TREES.production);
const find = (kind: string, name: string): K8sObject => {
  const found = production.find((object) => object.kind === kind && object.metadata.name === name);
  if (!found) throw new Error(`no ${kind}/${name} in the production overlay`);
  return found;
};
const ruleSpec = find('PrometheusRule', 'mestres-slo').spec as { groups: { name: string; rules: any[] }[] };
const namespace = production.find((object) => object.kind === 'Namespace')!.metadata.name;

function promtool(args: string[], cwd: string): { status: number | null; output: string } {
  const result = spawnSync(requirePromtool(), args, { cwd, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Runs `promtool check rules` on recording rules made of `queries`, which checks their PromQL. */
function checkPromql(queries: Record<string, string>): { status: number | null; output: string } {
  const rules = Object.entries(queries).map(([name, expr]) => ({ record: `check:${name.replace(/[^a-zA-Z0-9_]/g, '_')}`, expr }));
  const tree = writeTempTree({ 'queries.yaml': stringify({ groups: [{ name: 'queries', rules }] }) });
  try {
    return promtool(['check', 'rules', 'queries.yaml'], tree.root);
  } finally {
    tree.remove();
  }
}

/** Metric names a PromQL expression reads (recording-rule names excluded). */
function metricNames(expr: string): string[] {
  const withoutStrings = expr.replace(/"[^"]*"/g, '""');
  const withoutGroupings = withoutStrings.replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '');
  const identifiers = withoutGroupings.match(/\b[a-zA-Z_][a-zA-Z0-9_:]*(?=\s*(\{|\[|\)|$|\s|>|<|\*|\/|-|\+|,))/g) ?? [];
  const functionsAndKeywords = new Set([
    'sum', 'max', 'min', 'avg', 'count', 'topk', 'rate', 'irate', 'increase', 'histogram_quantile', 'and', 'or', 'unless',
    'by', 'without', 'on', 'ignoring', 'bool', 'le', 'vector', 'label_replace', 'abs', 'clamp_min', 'clamp_max',
  ]);
  return [...new Set(identifiers.filter((name) => !functionsAndKeywords.has(name) && !name.includes(':') && !/^\d/.test(name)))];
}

/** Every metric the services export (from libs/observability), plus Node defaults and kube-state-metrics. */
function knownMetrics(): Set<string> {
  if (!existsSync(METRICS_SOURCE)) throw new Error(`${METRICS_SOURCE} not found: the metric contract lives there`);
  const source = readFileSync(METRICS_SOURCE, 'utf8');
  const names = new Set<string>();
  for (const [, name] of source.matchAll(/'(mestres_[a-z0-9_]+)'/g)) {
    names.add(name);
    for (const suffix of ['_bucket', '_count', '_sum']) names.add(`${name}${suffix}`);
  }
  // Requested from the gateway, documented in k8s/README.md ("beyond the current contract").
  names.add('mestres_gateway_active_users');
  for (const name of [
    'process_cpu_seconds_total',
    'process_resident_memory_bytes',
    'process_start_time_seconds',
    'nodejs_eventloop_lag_seconds',
    'nodejs_eventloop_lag_p99_seconds',
    'kube_horizontalpodautoscaler_status_current_replicas',
    'kube_horizontalpodautoscaler_spec_max_replicas',
  ]) {
    names.add(name);
  }
  return names;
}

/** Dashboard and adapter queries with their template variables filled in, ready for promtool. */
function dashboardQueries(): Record<string, string> {
  const dashboard = JSON.parse((find('ConfigMap', 'mestres-dashboards').data as any)['mestres-overview.json']);
  const queries: Record<string, string> = {};
  for (const panel of dashboard.panels) {
    for (const target of panel.targets ?? []) {
      queries[`${panel.title} ${target.refId}`] = target.expr
        .replaceAll('$__rate_interval', '1m')
        .replaceAll('$namespace', namespace)
        .replaceAll('$service', '.*');
    }
  }
  return queries;
}

function adapterQuery(): { seriesQuery: string; metricsQuery: string; name: string } {
  const platform = renderKustomization(path.join(K8S_DIR, 'platform', 'prometheus-adapter'));
  const config = parse((platform[0].data as any)['config.yaml']);
  const [rule] = config.rules;
  const metricsQuery = rule.metricsQuery
    .replaceAll('<<.Series>>', 'mestres_http_request_duration_seconds_count')
    .replaceAll('<<.LabelMatchers>>', `namespace="${namespace}",pod=~"gateway-1|gateway-2"`)
    .replaceAll('<<.GroupBy>>', 'pod');
  return { seriesQuery: rule.seriesQuery, metricsQuery, name: rule.name.as };
}

describe('PrometheusRule mestres-slo', () => {
  it('passes promtool check rules and the promtool unit tests', () => {
    const tree = writeTempTree({ 'rules.yaml': stringify(ruleSpec) });
    try {
      copyFileSync(ALERT_TESTS, path.join(tree.root, 'slo-alerts.test.yaml'));
      const check = promtool(['check', 'rules', 'rules.yaml'], tree.root);
      expect({ status: check.status, output: check.output }).toEqual({ status: 0, output: expect.stringContaining('SUCCESS') });
      const test = promtool(['test', 'rules', 'slo-alerts.test.yaml'], tree.root);
      expect({ status: test.status, output: test.output }).toEqual({ status: 0, output: expect.stringContaining('SUCCESS') });
    } finally {
      tree.remove();
    }
  });

  it('has a unit test that makes every alert fire', () => {
    const alerts = ruleSpec.groups.flatMap((group) => group.rules).filter((rule) => rule.alert).map((rule) => rule.alert);
    const tests = parse(readFileSync(ALERT_TESTS, 'utf8')).tests as any[];
    const firing = new Set(
      tests.flatMap((test) => (test.alert_rule_test ?? []).filter((check: any) => check.exp_alerts.length > 0).map((check: any) => check.alertname)),
    );
    expect(alerts.filter((alert) => !firing.has(alert))).toEqual([]);
  });

  it('tests the SLO boundaries the brief names: p95 > 150 ms, 2% errors fire, 0.05% errors do not, cache hits < 90%', () => {
    const tests = parse(readFileSync(ALERT_TESTS, 'utf8')).tests as any[];
    const names = tests.map((test) => test.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'latency p95 above 150 ms',
        'latency p95 within the objective',
        'GraphQL errors at 2%',
        'GraphQL errors at 0.05%',
        'cache hit ratio',
      ]),
    );
  });

  it('reads only metrics the services export', () => {
    const known = knownMetrics();
    const exprs = ruleSpec.groups.flatMap((group) => group.rules).map((rule) => rule.expr as string);
    const used = [...new Set(exprs.flatMap(metricNames))];
    expect(used).toEqual(
      expect.arrayContaining(['mestres_http_request_duration_seconds_count', 'mestres_cache_requests_total', 'mestres_queue_depth']),
    );
    expect(used.filter((name) => !known.has(name))).toEqual([]);
  });

  it('watches the namespace the production overlay deploys to', () => {
    const exprs = ruleSpec.groups.flatMap((group) => group.rules).map((rule) => rule.expr as string);
    for (const expr of exprs) {
      for (const [, value] of expr.matchAll(/namespace="([^"]+)"/g)) expect(value).toBe(namespace);
    }
  });
});

describe('Grafana dashboard, prometheus-adapter rule and KEDA trigger', () => {
  it('are valid PromQL (promtool)', () => {
    const keda = (find('ScaledObject', 'jobs').spec as any).triggers.find((trigger: any) => trigger.type === 'prometheus');
    const result = checkPromql({
      ...dashboardQueries(),
      adapter: adapterQuery().metricsQuery,
      adapterSeries: adapterQuery().seriesQuery,
      keda: keda.metadata.query,
    });
    expect({ status: result.status, output: result.output }).toEqual({ status: 0, output: expect.stringContaining('SUCCESS') });
  });

  it('read only metrics the services export', () => {
    const known = knownMetrics();
    const keda = (find('ScaledObject', 'jobs').spec as any).triggers.find((trigger: any) => trigger.type === 'prometheus');
    const exprs = [...Object.values(dashboardQueries()), adapterQuery().metricsQuery, keda.metadata.query];
    const unknown = [...new Set(exprs.flatMap(metricNames))].filter((name) => !known.has(name));
    expect(unknown).toEqual([]);
  });

  it('serve the per-pod request rate the HPAs ask for', () => {
    const adapter = adapterQuery();
    const hpaMetrics = production
      .filter((object) => object.kind === 'HorizontalPodAutoscaler')
      .map((hpa) => (hpa.spec as any).metrics.find((metric: any) => metric.type === 'Pods').pods.metric.name);
    expect(new Set(hpaMetrics)).toEqual(new Set([adapter.name]));
    // Probes and scrapes are not traffic.
    expect(adapter.metricsQuery).toContain('route!~"/health/.*|/metrics"');
  });
});

describe(metricNames.name, () => {
  it('finds metric names and skips functions, labels and recording rules', () => {
    expect(
      metricNames('sum by (namespace, le) (rate(mestres_a_bucket{route="/x"}[5m])) / on (pod) mestres:recorded > 0.9 and max(b_total)'),
    ).toEqual(['mestres_a_bucket', 'b_total']);
  });
});
