// Coverage over time: articles per month as a bar chart (Chart.js, loaded only when a chart is
// shown so the first paint does not wait for it). Clicking a bar filters by that month.
import { h } from '../dom.ts';
import type { FacetCount } from '../api.ts';
import { pointerOverPoints, themeColour, type ChartHandle } from './chart-parts.ts';

export async function monthChart(months: FacetCount[], onPick: (month: string) => void, signal: AbortSignal): Promise<ChartHandle | null> {
  const dated = months.filter((m): m is { value: string; count: number } => m.value !== null);
  if (dated.length === 0) return null;
  const { Chart, BarController, BarElement, CategoryScale, LinearScale, Tooltip } = await import('chart.js');
  if (signal.aborted) return null;
  Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
  const summary = dated.map((m) => `${m.value}: ${m.count}`).join(', ');
  const canvas = h('canvas', { role: 'img', 'aria-label': `Matching articles per month: ${summary}` });
  const element = h('div', { class: 'month-chart' }, canvas);
  const accent = themeColour('--accent', '#2a6fdb');
  const muted = themeColour('--muted', '#666');
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels: dated.map((m) => m.value), datasets: [{ label: 'articles', data: dated.map((m) => m.count), backgroundColor: accent, maxBarThickness: 36 }] },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { tooltip: { enabled: true } },
      scales: {
        x: { ticks: { color: muted, maxRotation: 0, autoSkip: true } },
        y: { beginAtZero: true, ticks: { precision: 0, color: muted } },
      },
      onClick: (_ev, elements) => {
        const i = elements[0]?.index;
        if (i !== undefined) onPick(dated[i].value);
      },
      onHover: pointerOverPoints,
    },
  });
  return { element, destroy: () => chart.destroy() };
}
