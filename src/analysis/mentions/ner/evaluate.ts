// Entity-level evaluation as defined by conlleval (CoNLL-2000/2002/2003): an entity counts as
// correct only when both its span and its type match exactly. Precision, recall and F1 per type and
// overall (micro-averaged).
import type { TokenSpan } from './tags.ts';

export interface TypeScore {
  type: string;
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

export class EntityScorer {
  private counts = new Map<string, { gold: number; predicted: number; correct: number }>();
  tokens = 0;
  correctTokens = 0;

  private get(type: string) {
    let c = this.counts.get(type);
    if (!c) this.counts.set(type, (c = { gold: 0, predicted: 0, correct: 0 }));
    return c;
  }

  /** Adds one sentence: gold and predicted spans over the same tokens. */
  add(gold: readonly TokenSpan[], predicted: readonly TokenSpan[]): void {
    const key = (s: TokenSpan) => `${s.start}:${s.end}:${s.type}`;
    const goldKeys = new Set(gold.map(key));
    for (const g of gold) this.get(g.type).gold++;
    for (const p of predicted) {
      const c = this.get(p.type);
      c.predicted++;
      if (goldKeys.has(key(p))) c.correct++;
    }
  }

  /** Token-level accuracy bookkeeping (conlleval prints it too). */
  addTokens(total: number, correct: number): void {
    this.tokens += total;
    this.correctTokens += correct;
  }

  /** Scores per type (sorted by name) and the overall micro average (type "overall"). */
  scores(): { types: TypeScore[]; overall: TypeScore } {
    const mk = (type: string, gold: number, predicted: number, correct: number): TypeScore => {
      const precision = predicted ? correct / predicted : 0;
      const recall = gold ? correct / gold : 0;
      const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
      return { type, gold, predicted, correct, precision, recall, f1 };
    };
    const types = [...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([t, c]) => mk(t, c.gold, c.predicted, c.correct));
    const sum = (f: (s: TypeScore) => number) => types.reduce((a, s) => a + f(s), 0);
    return { types, overall: mk('overall', sum((s) => s.gold), sum((s) => s.predicted), sum((s) => s.correct)) };
  }

  /** A conlleval-like text report. */
  report(): string {
    const { types, overall } = this.scores();
    const pct = (x: number) => (100 * x).toFixed(2).padStart(6);
    const lines = [
      `processed ${this.tokens} tokens with ${overall.gold} phrases; found: ${overall.predicted} phrases; correct: ${overall.correct}.`,
      `accuracy: ${pct(this.tokens ? this.correctTokens / this.tokens : 0)}%; precision: ${pct(overall.precision)}%; recall: ${pct(overall.recall)}%; FB1: ${pct(overall.f1)}`,
    ];
    for (const s of types) {
      lines.push(`${s.type.padStart(17)}: precision: ${pct(s.precision)}%; recall: ${pct(s.recall)}%; FB1: ${pct(s.f1)}  ${s.predicted}`);
    }
    return lines.join('\n');
  }
}
