// Gazetteers: named lists of token sequences ("New York", "Hamas"), matched over a sentence with a
// token trie. Matching is on lower case with digits as 0 (normLower, as the tagger sees words, so
// headlines in capitals match too); each list marks the tokens of its longest left-to-right matches
// with a BILOU position.
import { normLower } from './wordform.ts';

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Bit mask of the lists that have an entry ending here. */
  lists: number;
}

export class Gazetteer {
  readonly names: string[] = [];
  private root: TrieNode = { next: new Map(), lists: 0 };
  private size = 0;

  /** Index of list `name`, created when new (at most 30 lists). */
  list(name: string): number {
    let i = this.names.indexOf(name);
    if (i < 0) {
      if (this.names.length >= 30) throw new Error('too many gazetteer lists');
      i = this.names.push(name) - 1;
    }
    return i;
  }

  /** Adds an entry (already tokenised) to list `name`. */
  add(name: string, tokens: readonly string[]): void {
    if (!tokens.length) return;
    const bit = 1 << this.list(name);
    let node = this.root;
    for (const t of tokens) {
      const key = normLower(t);
      let child = node.next.get(key);
      if (!child) {
        child = { next: new Map(), lists: 0 };
        node.next.set(key, child);
      }
      node = child;
    }
    if (!(node.lists & bit)) this.size++;
    node.lists |= bit;
  }

  get entries(): number {
    return this.size;
  }

  /** For each token (given as normLower forms), for each list: 0 none, else the BILOU position
   *  (1 B, 2 I, 3 L, 4 U) of the longest match of that list covering it. Result is indexed
   *  [token * lists + list]. */
  match(lower: readonly string[]): Uint8Array {
    const nl = this.names.length;
    const n = lower.length;
    const out = new Uint8Array(n * nl);
    if (!nl) return out;
    // longest match length per (start, list)
    const best = new Int32Array(n * nl);
    for (let i = 0; i < n; i++) {
      let node: TrieNode | undefined = this.root;
      for (let j = i; j < n; j++) {
        node = node.next.get(lower[j]);
        if (!node) break;
        if (node.lists) {
          for (let l = 0; l < nl; l++) if (node.lists & (1 << l)) best[i * nl + l] = j - i + 1;
        }
      }
    }
    for (let l = 0; l < nl; l++) {
      for (let i = 0; i < n; ) {
        const len = best[i * nl + l];
        if (!len) {
          i++;
          continue;
        }
        if (len === 1) out[i * nl + l] = 4;
        else {
          out[i * nl + l] = 1;
          for (let k = i + 1; k < i + len - 1; k++) out[k * nl + l] = 2;
          out[(i + len - 1) * nl + l] = 3;
        }
        i += len;
      }
    }
    return out;
  }

  /** All entries as [list, tokens] pairs (for saving). */
  toJSON(): { names: string[]; entries: [number, string[]][] } {
    const entries: [number, string[]][] = [];
    const walk = (node: TrieNode, path: string[]) => {
      if (node.lists) entries.push([node.lists, path]);
      for (const [k, child] of node.next) walk(child, [...path, k]);
    };
    walk(this.root, []);
    return { names: this.names, entries };
  }

  static fromJSON(data: { names: string[]; entries: [number, string[]][] }): Gazetteer {
    const g = new Gazetteer();
    for (const name of data.names) g.list(name);
    for (const [mask, tokens] of data.entries) {
      for (let l = 0; l < data.names.length; l++) if (mask & (1 << l)) g.add(data.names[l], tokens);
    }
    return g;
  }
}
