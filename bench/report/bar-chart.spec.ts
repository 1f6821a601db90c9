import { barChartSvg } from './bar-chart';

describe(barChartSvg.name, () => {
  it('draws one labelled bar per value, scaled to the largest, escaping text', () => {
    const svg = barChartSvg({
      title: 'Throughput <federation>',
      unit: 'req/s',
      bars: [
        { label: 'this gateway', value: 400, note: 'p99 120 ms', highlight: true },
        { label: 'plain & simple', value: 100 },
      ],
    });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Throughput &lt;federation&gt;');
    expect(svg).toContain('plain &amp; simple');
    expect(svg).toContain('400 req/s');
    expect(svg).toContain('p99 120 ms');
    const widths = [...svg.matchAll(/<rect x="260" y="\d+" width="([\d.]+)"/g)].map((match) => Number(match[1]));
    expect(widths).toEqual([420, 105]);
  });
});
