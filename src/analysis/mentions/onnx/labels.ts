// The label set of a token-classification model (config.json id2label) read as our four entity
// types. Schemes: BIO/IOB2 ("B-PER", "I-ORG"), IOB1, BIOES/BILOU ("S-LOC", "E-PER", "U-", "L-"),
// and plain IO labels ("PER"). Type names: CoNLL (PER, ORG, LOC, MISC), OntoNotes (PERSON,
// ORG, GPE, LOC, FAC, NORP, EVENT, ...), WikiNER and others.
import type { EntityType } from '../../../types.ts';

/** How a model label reads: the tag position and our entity type, or null for outside (O). */
export interface LabelTag {
  /** B: begins a name; I: continues one (or begins one after O or another type). */
  pos: 'B' | 'I';
  type: EntityType;
}

const TYPES: Record<string, EntityType | null> = {
  PER: 'PER',
  PERS: 'PER',
  PERSON: 'PER',
  PEOPLE: 'PER',
  ORG: 'ORG',
  ORGANIZATION: 'ORG',
  ORGANISATION: 'ORG',
  COMPANY: 'ORG',
  CORPORATION: 'ORG',
  LOC: 'LOC',
  LOCATION: 'LOC',
  GPE: 'LOC',
  FAC: 'LOC',
  FACILITY: 'LOC',
  PLACE: 'LOC',
  GEO: 'LOC',
  MISC: 'MISC',
  MIS: 'MISC',
  NORP: 'MISC',
  NAT: 'MISC',
  EVENT: 'MISC',
  EVE: 'MISC',
  EVT: 'MISC',
  PRODUCT: 'MISC',
  PROD: 'MISC',
  WORK_OF_ART: 'MISC',
  LAW: 'MISC',
  LANGUAGE: 'MISC',
  // OntoNotes' numeric types: Dossier finds those in its own layers (times, figures)
  DATE: null,
  TIME: null,
  PERCENT: null,
  MONEY: null,
  QUANTITY: null,
  ORDINAL: null,
  CARDINAL: null,
};

const PREFIX: Record<string, 'B' | 'I'> = { B: 'B', S: 'B', U: 'B', I: 'I', E: 'I', L: 'I', M: 'I' };

/** Reads one label: a LabelTag, null for outside (O and the numeric types), undefined when unknown. */
export function readLabel(label: string): LabelTag | null | undefined {
  const l = label.trim().toUpperCase();
  if (l === 'O' || l === 'OUTSIDE' || l === '0') return null;
  const m = /^([BIESLUM])[-_](.+)$/.exec(l);
  const pos = m ? PREFIX[m[1]] : 'I';
  const name = (m ? m[2] : l).replace(/[\s-]+/g, '_');
  if (!(name in TYPES)) return undefined;
  const type = TYPES[name];
  return type ? { pos, type } : null;
}

export interface LabelMap {
  /** Per label id: how it reads (null: outside). */
  tags: (LabelTag | null)[];
  /** Labels we could not read; they count as O. */
  unknown: string[];
}

/** Reads every label of a model, id by id. */
export function mapLabels(labels: readonly string[]): LabelMap {
  const unknown: string[] = [];
  const tags = labels.map((l) => {
    const t = readLabel(l);
    if (t === undefined) {
      unknown.push(l);
      return null;
    }
    return t;
  });
  return { tags, unknown };
}

/** Valid BIO (IOB2) from one label reading per word: I after O or after another type begins a
 *  name; B of the same type as the previous word opens a new name. */
export function toBio(tags: readonly (LabelTag | null)[]): string[] {
  const out: string[] = [];
  let prev: EntityType | null = null;
  for (const t of tags) {
    if (!t) {
      out.push('O');
      prev = null;
      continue;
    }
    const begins = t.pos === 'B' || prev !== t.type;
    out.push(`${begins ? 'B' : 'I'}-${t.type}`);
    prev = t.type;
  }
  return out;
}
