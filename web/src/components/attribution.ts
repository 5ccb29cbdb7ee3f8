// How an attribution reads wherever a quote is listed (the quotes page, an entity's quotes, a story's
// timeline): its kind (direct, reported, reported with quoted words, belief or intention), the speaker
// it resolved to (linked to the entity page by key), the source as the text gives it when it differs,
// the cue, and the confidence with what found it. All text goes in as text nodes.
import { h, type Child } from '../dom.ts';

export type AttributionKind = 'direct' | 'indirect' | 'mixed' | 'belief';

export const KIND_LABELS: Record<AttributionKind, string> = {
  direct: 'direct quote',
  indirect: 'reported speech',
  mixed: 'reported, partly quoted',
  belief: 'belief or intention',
};

export interface AttributionFields {
  kind: AttributionKind | null;
  speakerName: string | null;
  speakerKey: string | null;
  sourceText: string | null;
  cue: string | null;
  confidence: number | null;
  by: 'rules' | 'model' | null;
}

/** The kind as a badge; a row stored before attributions were kept says so. */
export function kindBadge(kind: AttributionKind | null): HTMLElement {
  return kind
    ? h('span', { class: ['badge', 'attr-kind', `attr-${kind}`], dataset: { kind } }, KIND_LABELS[kind])
    : h('span', { class: ['badge', 'attr-kind'], title: 'Analysed before attributions were stored: `dossier reanalyze` adds them' }, 'kind not recorded');
}

/** "— Speaker · as “the minister” · cue “said” · 70% (rules)", each part its own element. */
export function attributionLine(a: AttributionFields, speakerHref?: (name: string) => string): HTMLElement {
  const speaker: Child = a.speakerName
    ? a.speakerKey
      ? h('a', { class: 'attr-speaker', href: `/entities/${encodeURIComponent(a.speakerKey)}`, dataset: { key: a.speakerKey }, title: a.speakerKey }, a.speakerName)
      : speakerHref
        ? h('a', { class: 'attr-speaker', href: speakerHref(a.speakerName) }, a.speakerName)
        : h('span', { class: 'attr-speaker' }, a.speakerName)
    : h('span', { class: ['attr-speaker', 'muted'] }, 'no speaker given');
  const asWritten = a.sourceText && a.sourceText !== a.speakerName;
  return h(
    'p',
    { class: 'quote-by attribution' },
    '— ',
    speaker,
    asWritten ? h('span', { class: 'attr-source' }, ' · source as written “', h('span', { class: 'attr-source-text' }, a.sourceText), '”') : null,
    a.cue ? h('span', { class: 'attr-cue' }, ' · cue “', h('span', { class: 'attr-cue-text' }, a.cue), '”') : null,
    ' ',
    kindBadge(a.kind),
    a.confidence !== null
      ? h(
          'span',
          { class: 'attr-confidence', dataset: { confidence: String(a.confidence) }, title: a.by === 'model' ? 'the attribution model’s confidence in the cue' : 'a fixed confidence per rule' },
          ` · confidence ${Math.round(a.confidence * 100)}%${a.by ? ` (${a.by === 'model' ? 'attribution model' : 'rules'})` : ''}`,
        )
      : null,
  );
}
