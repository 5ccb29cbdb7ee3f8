// Exports: figures and quotes as CSV (one row per figure or quote, with its article, story and
// evidence), and the entity co-occurrence graph as GEXF 1.3 for Gephi (entities as nodes, an edge
// between two entities for every article naming both; weight = number of such articles).
import type { AnalyzedArticle } from '../../types.ts';
import type { MemberRecord } from './api.ts';
import { quotedSpeakers } from './compare.ts';
import { entityKey, nameLikeRefs } from './entity-keys.ts';
import { figureClaims } from './figures.ts';
import { sourceOf } from './sources.ts';

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

export const FIGURE_COLUMNS = [
  'article_id', 'source', 'language', 'published_at', 'event_id', 'storyline_id', 'what', 'counts', 'counts_key', 'value', 'value_max',
  'unit', 'qualifier', 'as_of', 'voice', 'attributed_to', 'start', 'end', 'text', 'sentence',
];

export function figureCsvLines(a: AnalyzedArticle, m: MemberRecord | undefined): string[] {
  return figureClaims([a]).map((c) =>
    csvLine([
      a.id, c.source.name, a.language, a.publishedAt, m?.eventId, m?.storylineId, c.label, c.counts, c.countsKey,
      c.value, c.valueMax, c.unit, c.qualifier, c.asOf, c.voice.voice, c.voice.by, c.evidence.start, c.evidence.end, c.evidence.text,
      c.evidence.sentence.text,
    ]),
  );
}

export const QUOTE_COLUMNS = [
  'article_id', 'source', 'language', 'published_at', 'event_id', 'storyline_id', 'kind', 'speaker', 'speaker_key', 'speaker_role',
  'speaker_side', 'cue', 'start', 'end', 'text',
];

export function quoteCsvLines(a: AnalyzedArticle, m: MemberRecord | undefined): string[] {
  const speakers = new Map(quotedSpeakers(a).map((s) => [s.name, s]));
  const src = sourceOf(a).name;
  return a.quotes.map((q) => {
    const layer = q.speaker?.entity ? a.entities.find((e) => e.id === q.speaker!.entity) : undefined;
    const k = layer ? entityKey(layer, a.language) : null;
    const s = speakers.get(k?.display ?? q.speaker?.name ?? '');
    return csvLine([
      a.id, src, a.language, a.publishedAt, m?.eventId, m?.storylineId, q.kind, k?.display ?? q.speaker?.name, k?.key, s?.role, s?.side, q.cue,
      q.start, q.end, q.text,
    ]);
  });
}

/** Accumulates entity co-occurrence over articles and writes it as GEXF. */
export class CooccurrenceGraph {
  private nodes = new Map<string, { label: string; type: string; articles: number }>();
  private edges = new Map<string, number>();

  /** Adds one article's entities (its capitalised names, as clustering takes them, when it has no entity layer). */
  add(a: AnalyzedArticle): void {
    const keys = new Map<string, { label: string; type: string }>();
    for (const e of a.entities) {
      const k = entityKey(e, a.language);
      if (!keys.has(k.key)) keys.set(k.key, { label: k.display, type: e.type });
    }
    if (a.entities.length === 0) {
      for (const r of nameLikeRefs(a)) {
        const key = r.feature.slice(2);
        if (!keys.has(key)) keys.set(key, { label: r.name, type: /^(country|loc):/.test(key) ? 'LOC' : 'NAME' });
      }
    }
    for (const [key, v] of keys) {
      const n = this.nodes.get(key) ?? { ...v, articles: 0 };
      n.articles++;
      this.nodes.set(key, n);
    }
    const list = [...keys.keys()].sort();
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const k = `${list[i]}\u0000${list[j]}`;
        this.edges.set(k, (this.edges.get(k) ?? 0) + 1);
      }
    }
  }

  get size(): { nodes: number; edges: number } {
    return { nodes: this.nodes.size, edges: this.edges.size };
  }

  toGexf(minWeight = 1): string {
    const x = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const lines = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
      '  <meta><creator>Dossier</creator><description>Entity co-occurrence: an edge for every article naming both entities</description></meta>',
      '  <graph defaultedgetype="undirected" mode="static">',
      '    <attributes class="node">',
      '      <attribute id="type" title="type" type="string"/>',
      '      <attribute id="articles" title="articles" type="integer"/>',
      '    </attributes>',
      '    <nodes>',
    ];
    for (const [key, n] of [...this.nodes].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      lines.push(
        `      <node id="${x(key)}" label="${x(n.label)}"><attvalues><attvalue for="type" value="${n.type}"/><attvalue for="articles" value="${n.articles}"/></attvalues></node>`,
      );
    }
    lines.push('    </nodes>', '    <edges>');
    let id = 0;
    for (const [k, w] of [...this.edges].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (w < minWeight) continue;
      const [s, t] = k.split('\u0000');
      lines.push(`      <edge id="${id++}" source="${x(s)}" target="${x(t)}" weight="${w}"/>`);
    }
    lines.push('    </edges>', '  </graph>', '</gexf>', '');
    return lines.join('\n');
  }
}
