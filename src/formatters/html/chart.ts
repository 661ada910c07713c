// The "findings by category" bar chart: inline SVG, one row per category, each bar stacked
// by severity. No viewBox: text keeps its real size and bars are laid out in percentages, so
// the chart stays legible from a phone to a wide screen. Colours come from the page's CSS
// classes (light, dark and print schemes).
import type { ReportSummary } from './summary.js';
import { categoryLabel, esc, plural } from './markup.js';

const ROW = 36;
const SEVERITIES = ['error', 'warning', 'info'] as const;

const pct = (n: number): string => `${Math.round(n * 1000) / 1000}%`;

export function categoryChart(summary: ReportSummary, idPrefix = 'chart'): string {
  const rows = summary.byCategory;
  if (!rows.length) return '';
  const max = Math.max(...rows.map((r) => r.total));
  const desc = rows
    .map(
      (r) =>
        `${categoryLabel(r.category)}: ${r.total} (${SEVERITIES.filter((s) => r.counts[s])
          .map((s) => plural(r.counts[s], s))
          .join(', ')})`,
    )
    .join('; ');
  const out: string[] = [
    `<svg class="chart" role="img" width="100%" height="${rows.length * ROW}" aria-labelledby="${idPrefix}-title" aria-describedby="${idPrefix}-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${idPrefix}-title">Findings by category</title>`,
    `<desc id="${idPrefix}-desc">${esc(desc)}.</desc>`,
  ];
  rows.forEach((r, i) => {
    const y = i * ROW;
    out.push(`<g class="row" data-cat="${esc(r.category)}">`);
    out.push(`<text class="label" x="0" y="${y + 13}">${esc(categoryLabel(r.category))}</text>`);
    out.push(`<text class="value" x="100%" y="${y + 13}" text-anchor="end">${r.total}</text>`);
    out.push(`<rect class="track" x="0" y="${y + 18}" width="100%" height="10" rx="3"/>`);
    let x = 0;
    for (const s of SEVERITIES) {
      const n = r.counts[s];
      if (!n) continue;
      const w = (n / max) * 100;
      out.push(
        `<rect class="bar bar-${s}" x="${pct(x)}" y="${y + 18}" width="${pct(w)}" height="10"><title>${esc(categoryLabel(r.category))}: ${plural(n, s)}</title></rect>`,
      );
      x += w;
    }
    out.push('</g>');
  });
  out.push('</svg>');
  return out.join('');
}
