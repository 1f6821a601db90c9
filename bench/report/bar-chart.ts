/** One bar of a horizontal bar chart. */
export interface Bar {
  label: string;
  value: number;
  /** Text after the value, e.g. `p99 412 ms`. */
  note?: string;
  highlight?: boolean;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A self-contained SVG horizontal bar chart (no fonts or scripts to load), readable on
 * GitHub and in any browser. Values are labelled, so the chart never needs a legend.
 */
export function barChartSvg(options: { title: string; unit: string; bars: Bar[] }): string {
  const labelWidth = 260;
  const chartWidth = 420;
  const noteWidth = 260;
  const rowHeight = 34;
  const top = 44;
  const width = labelWidth + chartWidth + noteWidth;
  const height = top + options.bars.length * rowHeight + 16;
  const max = Math.max(1, ...options.bars.map((bar) => bar.value));
  const rows = options.bars.map((bar, index) => {
    const y = top + index * rowHeight;
    const length = Math.max(2, (bar.value / max) * chartWidth);
    const fill = bar.highlight ? '#b5651d' : '#8c8c8c';
    return [
      `<text x="${labelWidth - 10}" y="${y + 21}" text-anchor="end">${escapeXml(bar.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 6}" width="${length.toFixed(1)}" height="${rowHeight - 12}" rx="3" fill="${fill}"/>`,
      `<text x="${labelWidth + length + 8}" y="${y + 21}" font-weight="bold">${escapeXml(`${formatNumber(bar.value)} ${options.unit}`)}</text>`,
      bar.note ? `<text x="${labelWidth + chartWidth + 90}" y="${y + 21}" fill="#555">${escapeXml(bar.note)}</text>` : '',
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="14">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="16" y="26" font-size="16" font-weight="bold">${escapeXml(options.title)}</text>`,
    ...rows,
    '</svg>',
    '',
  ].join('\n');
}

export function formatNumber(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}
