/** One sample of a Prometheus text exposition. */
interface PromSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface ScrapedMetrics {
  samples: PromSample[];
  /** Sum of a series over every label set that has the given labels. */
  sum(name: string, labels?: Record<string, string>): number;
}

/** Parses Prometheus' text format (what `/metrics` serves). */
export function parseMetrics(text: string): ScrapedMetrics {
  const samples: PromSample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const label of (match[3] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[label[1]] = label[2];
    samples.push({ name: match[1], labels, value: Number(match[4]) });
  }
  return {
    samples,
    sum: (name, wanted = {}) =>
      samples
        .filter((sample) => sample.name === name && Object.entries(wanted).every(([key, value]) => sample.labels[key] === value))
        .reduce((total, sample) => total + sample.value, 0),
  };
}

export async function scrapeMetrics(url: string): Promise<ScrapedMetrics> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return parseMetrics(await response.text());
}

/**
 * What a histogram recorded between two scrapes (all label sets together): count, sum and a
 * quantile estimated by linear interpolation within the bucket, as PromQL's
 * histogram_quantile does.
 */
export function histogramDelta(before: ScrapedMetrics, after: ScrapedMetrics, name: string): { count: number; sum: number; quantile(q: number): number } {
  const buckets = new Map<number, number>();
  for (const sample of after.samples) {
    if (sample.name !== `${name}_bucket`) continue;
    const le = sample.labels.le === '+Inf' ? Number.POSITIVE_INFINITY : Number(sample.labels.le);
    buckets.set(le, (buckets.get(le) ?? 0) + sample.value);
  }
  for (const sample of before.samples) {
    if (sample.name !== `${name}_bucket`) continue;
    const le = sample.labels.le === '+Inf' ? Number.POSITIVE_INFINITY : Number(sample.labels.le);
    buckets.set(le, (buckets.get(le) ?? 0) - sample.value);
  }
  const bounds = [...buckets.keys()].sort((a, b) => a - b);
  const count = after.sum(`${name}_count`) - before.sum(`${name}_count`);
  const sum = after.sum(`${name}_sum`) - before.sum(`${name}_sum`);
  return {
    count,
    sum,
    quantile(q) {
      if (count <= 0) return 0;
      const rank = q * count;
      let lower = 0;
      let below = 0;
      for (const bound of bounds) {
        const cumulative = buckets.get(bound) ?? 0;
        if (cumulative >= rank) {
          if (!Number.isFinite(bound)) return lower;
          const inBucket = cumulative - below;
          return inBucket <= 0 ? bound : lower + ((bound - lower) * (rank - below)) / inBucket;
        }
        lower = Number.isFinite(bound) ? bound : lower;
        below = cumulative;
      }
      return lower;
    },
  };
}
