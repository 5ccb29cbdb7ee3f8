// The timeline as a chart: one lane per source, one point per report of a happening (circle) or
// statement (diamond) at its date. A date known to the month or year only is drawn as what it is: a
// hollow point in the middle of its month or year with a bar across the whole period, and its
// tooltip says "May 2024 (month)". Clicking goes to the entry of the nearest point in the list below. Chart.js is
// loaded only when the chart is drawn, so the page paints without waiting for it.
import { h } from '../dom.ts';
import { formatDate } from '../format.ts';
import { clip, dayAxis, isCompact, pointerOverPoints, themeColour, type ChartHandle } from './chart-parts.ts';
import type { SourceRef, TimelineItem } from './story-api.ts';
import { dayNumber } from './story-format.ts';
import { periodOf, precisionLabel } from './time-axis.ts';

interface PointMeta {
  item: number;
  source: string;
}

export async function timelineChart(
  items: TimelineItem[],
  sources: SourceRef[],
  onPick: (item: number) => void,
  signal: AbortSignal,
): Promise<ChartHandle | null> {
  if (items.length === 0) return null;
  const { Chart, ScatterController, PointElement, LinearScale, Tooltip, Legend } = await import('chart.js');
  if (signal.aborted) return null;
  Chart.register(ScatterController, PointElement, LinearScale, Tooltip, Legend);

  const compact = isCompact();
  // A lane per source that reports an entry, in the order given.
  const reporting = new Set(items.flatMap((i) => i.evidence.map((e) => e.source.id)));
  const shown = sources.filter((s) => reporting.has(s.id));
  const lanes = shown.map((s) => s.id);
  const laneNames = shown.map((s) => s.name);
  const points: Record<TimelineItem['kind'], { x: number; y: number }[]> = { happening: [], statement: [] };
  const meta: Record<TimelineItem['kind'], PointMeta[]> = { happening: [], statement: [] };
  /** Bars across the period of month- or year-precise items, drawn under the points (periodBars). */
  const periods: { from: number; to: number; lane: number }[] = [];
  items.forEach((item, i) => {
    const [from, to] = periodOf(item.date);
    const day = item.granularity === 'day' ? dayNumber(item.date) : (from + to) / 2;
    for (const s of new Set(item.evidence.map((e) => e.source.id))) {
      const lane = lanes.indexOf(s);
      if (lane < 0) continue;
      points[item.kind].push({ x: day, y: lane });
      meta[item.kind].push({ item: i, source: s });
      if (item.granularity !== 'day') periods.push({ from, to: to + 1, lane });
    }
  });
  const precise = (kind: TimelineItem['kind'], index: number) => items[meta[kind][index]?.item]?.granularity === 'day';
  const muted = themeColour('--muted', '#666');
  const line = themeColour('--line', '#ddd');
  const kinds: { kind: TimelineItem['kind']; label: string; colour: string; style: 'circle' | 'rectRot' }[] = [
    { kind: 'happening', label: 'Happening', colour: themeColour('--time', '#0e7c86'), style: 'circle' },
    { kind: 'statement', label: 'Statement', colour: themeColour('--accent', '#1f5fbf'), style: 'rectRot' },
  ];

  const months = new Set(items.map((i) => i.date.slice(0, 7))).size;
  const canvas = h('canvas', {
    role: 'img',
    'aria-label': `Timeline chart: ${items.length} entries from ${formatDate(items[0].date)} to ${formatDate(items[items.length - 1].date)} in ${months} months, one lane per source reporting them. The list below has every entry.`,
  });
  const element = h('div', { class: 'timeline-chart', vars: { '--lanes': String(Math.max(2, lanes.length)) } }, canvas);
  // Drawn by a plugin rather than as a dataset, so hover and click still find only the items' points.
  const periodBars = {
    id: 'periodBars',
    beforeDatasetsDraw(c: { ctx: CanvasRenderingContext2D; scales: Record<string, { getPixelForValue(v: number): number }> }) {
      const { ctx, scales } = c;
      ctx.save();
      ctx.strokeStyle = muted;
      ctx.globalAlpha = 0.6;
      ctx.lineWidth = 3;
      ctx.lineCap = 'round';
      for (const p of periods) {
        const y = scales.y.getPixelForValue(p.lane);
        ctx.beginPath();
        ctx.moveTo(scales.x.getPixelForValue(p.from), y);
        ctx.lineTo(scales.x.getPixelForValue(p.to), y);
        ctx.stroke();
      }
      ctx.restore();
    },
  };
  const chart = new Chart(canvas, {
    type: 'scatter',
    plugins: [periodBars],
    data: {
      datasets: kinds.map((k) => ({
          label: k.label,
          data: points[k.kind],
          // Hollow when the date is a month or a year: the bar of the third dataset shows its period.
          backgroundColor: (ctx: { dataIndex?: number }) => (ctx.dataIndex === undefined || precise(k.kind, ctx.dataIndex) ? k.colour : 'transparent'),
          borderColor: k.colour,
          borderWidth: 2,
          pointStyle: k.style,
          pointRadius: compact ? 4.5 : 6,
          pointHoverRadius: compact ? 6.5 : 8,
        })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      layout: { padding: { right: 8 } },
      // The nearest point answers hover and click anywhere in the chart: small points are easy to hit.
      interaction: { mode: 'nearest', intersect: false, axis: 'xy' },
      plugins: {
        legend: {
          position: 'top',
          align: 'end',
          labels: { color: muted, usePointStyle: true, boxHeight: 7 },
        },
        tooltip: {
          callbacks: {
            title: (ctx) => {
              if (!ctx[0]) return '';
              const m = meta[kinds[ctx[0].datasetIndex].kind][ctx[0].dataIndex];
              const item = items[m.item];
              return `${precisionLabel(item.date, item.granularity)} · ${item.kind === 'statement' ? `${item.speaker?.name ?? 'unnamed'} said` : 'happening'}`;
            },
            label: (ctx) => {
              const m = meta[kinds[ctx.datasetIndex].kind][ctx.dataIndex];
              return [clip(items[m.item].text, compact ? 50 : 90), `— ${clip(laneNames[lanes.indexOf(m.source)], 60)}`];
            },
          },
        },
      },
      scales: {
        x: dayAxis(
          items.flatMap((i) => periodOf(i.date)),
          { minPad: 10, share: 0.03 },
          { muted, line },
        ),
        y: {
          type: 'linear',
          min: -0.6,
          max: lanes.length - 0.4,
          reverse: true,
          grid: { color: line },
          afterBuildTicks: (scale) => {
            scale.ticks = lanes.map((_, value) => ({ value }));
          },
          ticks: { color: muted, autoSkip: false, callback: (v) => clip(laneNames[Number(v)] ?? '', compact ? 14 : 28) },
        },
      },
      onClick: (_ev, elements) => {
        const e = elements[0];
        if (e) onPick(meta[kinds[e.datasetIndex].kind][e.index].item);
      },
      onHover: pointerOverPoints,
    },
  });
  return { element, destroy: () => chart.destroy() };
}
