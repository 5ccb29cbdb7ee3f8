// One figure over time across sources ("Palestinians killed": 57,500 in a Dutch article of 9 July, 66,000
// in an English one of 29 September): a point per dated claim, coloured by source, a source's own
// claims joined by a line. Clicking a point opens its sentence in the article. Chart.js is lazy-loaded.
import { h } from '../dom.ts';
import { formatDate, formatNumber, languageName } from '../format.ts';
import { clip, dayAxis, isCompact, pointerOverPoints, themeColour, type ChartHandle } from './chart-parts.ts';
import type { FigureClaim, FigureRowView } from './story-api.ts';
import { dayNumber, figureText, voiceText } from './story-format.ts';
import type { SourceMarks } from './source-mark.ts';

type Dated = FigureClaim & { asOf: string };

/** The claims of a row that carry a date, in date order: the points of its chart. */
export const datedClaims = (row: FigureRowView): Dated[] =>
  row.claims.filter((c): c is Dated => c.asOf !== null).sort((a, b) => a.asOf.localeCompare(b.asOf) || a.value - b.value);

/** Rows worth a chart (two dated claims or more), most sources first, then most dates, then the longest time span. */
export function chartableRows(rows: FigureRowView[]): FigureRowView[] {
  const facts = (r: FigureRowView) => {
    const dated = datedClaims(r);
    const dates = new Set(dated.map((c) => c.asOf));
    return { n: dated.length, sources: r.sources, dates: dates.size, span: dated.length ? dayNumber(dated[dated.length - 1].asOf) - dayNumber(dated[0].asOf) : 0 };
  };
  return rows
    .map((r) => ({ r, f: facts(r) }))
    .filter((x) => x.f.n >= 2)
    .sort((a, b) => b.f.sources - a.f.sources || b.f.dates - a.f.dates || b.f.span - a.f.span || a.r.label.localeCompare(b.r.label))
    .map((x) => x.r);
}

export async function figureChart(row: FigureRowView, marks: SourceMarks, onPick: (claim: FigureClaim) => void, signal: AbortSignal): Promise<ChartHandle | null> {
  const dated = datedClaims(row);
  if (dated.length === 0) return null;
  const { Chart, ScatterController, LineElement, PointElement, LinearScale, Tooltip, Legend } = await import('chart.js');
  if (signal.aborted) return null;
  Chart.register(ScatterController, LineElement, PointElement, LinearScale, Tooltip, Legend);

  const compact = isCompact();
  const bySource = new Map<string, Dated[]>();
  for (const c of dated) bySource.set(c.source.id, [...(bySource.get(c.source.id) ?? []), c]);
  const groups = [...bySource.values()];
  const top = Math.max(...dated.map((c) => c.valueMax ?? c.value));

  const muted = themeColour('--muted', '#666');
  const line = themeColour('--line', '#ddd');
  const summary = dated.map((c) => `${figureText(c)} on ${formatDate(c.asOf)} (${languageName(c.language)}, ${c.source.name})`).join('; ');
  const canvas = h('canvas', { role: 'img', 'aria-label': `${row.label} over time: ${summary}` });
  const element = h('div', { class: 'figure-chart' }, canvas);
  const chart = new Chart(canvas, {
    type: 'scatter',
    data: {
      datasets: groups.map((g) => {
        const mark = marks.get(g[0].source.id);
        const c = mark?.colour ?? muted;
        return {
          label: `${mark ? `${mark.label} · ` : ''}${clip(g[0].source.name, compact ? 24 : 48)}`,
          pointStyle: mark?.shape ?? 'circle',
          data: g.map((x) => ({ x: dayNumber(x.asOf), y: x.value })),
          showLine: new Set(g.map((x) => x.asOf)).size > 1,
          borderColor: c,
          backgroundColor: c,
          pointRadius: compact ? 5 : 6,
          pointHoverRadius: compact ? 7 : 8,
        };
      }),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { position: 'bottom', labels: { color: muted, usePointStyle: true, boxHeight: 7 } },
        tooltip: {
          callbacks: {
            title: (ctx) => formatDate(groups[ctx[0].datasetIndex][ctx[0].dataIndex].asOf),
            label: (ctx) => {
              const c = groups[ctx.datasetIndex][ctx.dataIndex];
              return [`${figureText(c)} · ${languageName(c.language)} · ${voiceText(c.voice)}`, `— ${clip(c.source.name, 60)}`];
            },
          },
        },
      },
      scales: {
        x: dayAxis(
          dated.map((c) => dayNumber(c.asOf)),
          { minPad: 7, share: 0.06 },
          { muted, line },
        ),
        y: {
          type: 'linear',
          beginAtZero: true,
          suggestedMax: top * 1.1,
          grid: { color: line },
          ticks: { color: muted, callback: (v) => (compact ? new Intl.NumberFormat('en', { notation: 'compact' }).format(Number(v)) : formatNumber(Number(v))) },
        },
      },
      onClick: (_ev, elements) => {
        const e = elements[0];
        if (e) onPick(groups[e.datasetIndex][e.index]);
      },
      onHover: pointerOverPoints,
    },
  });
  return { element, destroy: () => chart.destroy() };
}
