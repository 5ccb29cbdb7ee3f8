// Training of one language's NER model: lexicon (lower-case statistics, word clusters, gazetteers),
// stage 1 (perceptron on local, lexicon and document features), stage 2 (adds stage-1 predictions
// over the document, learnt from jackknifed stage-1 output so it sees realistic errors), then the
// model is scored on the development set and saved with its card facts.
import { relative } from 'node:path';
import { FeatureExtractor, type DocFeatures, type Lexicon } from '../../src/analysis/mentions/ner/features.ts';
import { mix } from '../../src/analysis/mentions/ner/hash.ts';
import { Gazetteer } from '../../src/analysis/mentions/ner/gazetteer.ts';
import { EntityScorer } from '../../src/analysis/mentions/ner/evaluate.ts';
import { FEATURE_VERSION, createModel, modelPath, saveNerModel, type NerModel } from '../../src/analysis/mentions/ner/model.ts';
import { bilouFromSpans, spansFromBilou, N_TAGS } from '../../src/analysis/mentions/ner/tags.ts';
import { tagDocumentBilou } from '../../src/analysis/mentions/ner/tagger.ts';
import { viterbi, maskTransitions } from '../../src/analysis/mentions/ner/viterbi.ts';
import { countTokens, readLabelled, type LabelledDoc, type NerFile } from './data.ts';
import { nerFile, readNerFile } from '../../src/analysis/mentions/ner/formats.ts';
import { addCountryLists, addTrainingEntities, lowerCaseBuckets } from './lexicon.ts';
import { FeatureIndex, shuffle, toLinearModel, trainEnsemble, type TrainDoc, type TrainedWeights } from './perceptron.ts';
import { rng } from '../../support/random.ts';
import { readUnlabelled, type UnlabelledSource } from './corpora.ts';
import { induceClusters } from './clusters.ts';
import { tuneOutsideBias, tuneTypeBias } from './bias.ts';


export interface LanguageConfig {
  lang: string;
  /** The data folder the file names are under. */
  dataRoot: string;
  /** Annotated training files (language.json datasets.ner.train). */
  train: (string | NerFile)[];
  /** The development set (scored after training, never trained on). */
  dev: string | NerFile;
  /** Perceptron epochs and ensemble size from language.json (options override them). */
  epochs?: number;
  ensemble?: number;
  /** Jackknife folds from language.json (the --folds option overrides them). */
  folds?: number;
  /** Exchange-clustering sweeps per granularity (default 12). */
  clusterIterations?: number;
  /** Numbers of word classes (default 64, 256, 1024). */
  clusterClasses?: number[];
  unlabelled: UnlabelledSource[];
  /** Induce word clusters from the training text and the unlabelled corpora. */
  clusters: boolean;
  /** Annotated data (under dataRoot) whose entity names join the gazetteer (lists "xl-<TYPE>"). */
  crossLingual?: string | NerFile | (string | NerFile)[];
  /** Annotated data of another language trained on as a second domain (domain adaptation). */
  extraTrain?: string;
  /** Add silver name lists ("silver-<TYPE>"): names a preliminary tagger finds in the unlabelled corpora. */
  silver?: boolean;
  /** Visits of each domain-0 (own gold) sentence per epoch (language.json training.goldRepeat). */
  goldRepeat?: number;
}

export interface TrainOptions {
  outDir: string;
  seed: number;
  epochs?: number;
  folds?: number;
  clusters: boolean;
  twoStage: boolean;
  cacheDir?: string;
  /** Perceptrons averaged per stage. */
  ensemble?: number;
  /** Features seen fewer times in the training data are dropped. */
  minCount?: number;
  /** Overrides language.json training.goldRepeat. */
  goldRepeat?: number;
  /** Tune the final stage's O bias on the development set (default true). */
  tuneBias?: boolean;
}

const log = (msg: string) => console.log(msg);

export async function trainLanguage(cfg: LanguageConfig, opts: TrainOptions): Promise<NerModel> {
  const t0 = Date.now();
  const L = `[${cfg.lang}]`;
  const epochs = opts.epochs ?? cfg.epochs ?? 12;
  const K = opts.folds ?? cfg.folds ?? 5;
  const ensemble = opts.ensemble ?? cfg.ensemble ?? 4;
  const minCount = opts.minCount ?? 2;
  const goldRepeat = opts.goldRepeat ?? cfg.goldRepeat ?? 1;
  const train = cfg.train.flatMap((f) => readNerFile(cfg.dataRoot, f));
  // annotated data of another language, as a second domain (see augment)
  if (cfg.extraTrain) train.push(...readLabelled(cfg.extraTrain).map((d) => ({ ...d, domain: 1 })));
  // silver data and other languages' data are domains of their own (language.json "domain")
  const domainAdapt = train.some((d) => (d.domain ?? 0) > 0);
  const dev = readNerFile(cfg.dataRoot, cfg.dev);
  log(`${L} train ${train.length} docs / ${countTokens(train)} tokens, dev ${dev.length} docs / ${countTokens(dev)} tokens`);

  // unlabelled text: the training text plus the configured corpora
  const extraDocs = cfg.unlabelled.flatMap((src) => readUnlabelled(src, cfg.lang));
  const corpus: string[][] = [...train.flatMap((d) => d.sentences), ...extraDocs.flat()];
  log(`${L} unlabelled text: ${corpus.length} sentences, ${corpus.reduce((a, s) => a + s.length, 0)} tokens`);
  const lcBucket = lowerCaseBuckets(corpus);
  const clusters = opts.clusters ? induceClusters(corpus, { seed: opts.seed, log, cacheDir: opts.cacheDir, name: cfg.lang, iterations: cfg.clusterIterations, ks: cfg.clusterClasses }) : new Map<string, Int32Array>();
  log(`${L} lexicon: ${lcBucket.size} lower-case entries, ${clusters.size} clustered words`);

  // gazetteers: shared lists + training entities (out-of-fold for training documents)
  const crossFiles = [cfg.crossLingual ?? []].flat();
  const cross = crossFiles.flatMap((f) => readNerFile(cfg.dataRoot, f));
  const silver = silverNames(cfg, opts, train, clusters, lcBucket, extraDocs);
  const baseGazetteer = (): Gazetteer => {
    const g = new Gazetteer();
    for (const [type, names] of silver) for (const n of names) g.add(`silver-${type}`, n);
    addCountryLists(g, cfg.lang);
    if (cross.length) addTrainingEntities(g, cross, 'xl');
    return g;
  };
  const order = shuffle(train.map((_, i) => i), rng(opts.seed));
  const fold = new Int32Array(train.length);
  order.forEach((di, k) => (fold[di] = k % K));

  const lexFor = (exclude: number): Lexicon => {
    const g = baseGazetteer();
    addTrainingEntities(g, train.filter((_, i) => fold[i] !== exclude));
    return { clusters, lcBucket, gazetteer: g };
  };
  const fullLex = lexFor(-1);
  log(`${L} gazetteer: ${fullLex.gazetteer.entries} entries in lists ${fullLex.gazetteer.names.join(', ')}`);

  // stage-1 features
  const index1 = new FeatureIndex();
  const feats1: DocFeatures[] = new Array(train.length);
  for (let k = 0; k < K; k++) {
    const ex = new FeatureExtractor(lexFor(k));
    train.forEach((d, i) => {
      if (fold[i] === k) feats1[i] = ex.stage1(d.sentences);
    });
  }
  const fullEx = new FeatureExtractor(fullLex);
  const trainDocs1 = train.map((d, i) => withRepeat(toTrainDoc(d, feats1[i], index1, true, domainAdapt), d, goldRepeat));
  pruneRare(trainDocs1, index1.keys.length, minCount);
  const devFeats1 = dev.map((d) => fullEx.stage1(d.sentences));
  const devDocs1 = dev.map((d, i) => toTrainDoc(d, devFeats1[i], index1, false, domainAdapt));
  log(`${L} stage 1: ${index1.keys.length} distinct features (${((Date.now() - t0) / 1000).toFixed(0)} s)`);

  const devReport = (tw: TrainedWeights, docs: TrainDoc[]) => score(dev, docs.map((d) => decodeIndexed(tw, d)));
  log(`${L} training stage 1 on all training documents`);
  const tw1 = trainEnsemble(trainDocs1, index1.keys.length, ensemble, {
    epochs,
    seed: opts.seed,
    log,
    onEpoch: (e, tw) => log(`    dev F1 after epoch ${e}: ${(100 * devReport(tw, devDocs1).scores().overall.f1).toFixed(2)}`),
  });
  const stage1 = toLinearModel(index1, mergeDomain(index1, tw1, domainAdapt));
  let model = createModel(meta(cfg, opts, epochs, K), fullLex, stage1, null);
  const s1 = evaluate(model, dev);
  log(`${L} stage 1 dev:\n${s1.report()}`);

  if (opts.twoStage) {
    // jackknifed stage-1 predictions for the training documents
    const jack: Uint8Array[] = new Array(train.length);
    for (let k = 0; k < K; k++) {
      log(`${L} jackknife fold ${k + 1}/${K}`);
      const twk = trainEnsemble(
        trainDocs1.filter((_, i) => fold[i] !== k),
        index1.keys.length,
        ensemble,
        { epochs, seed: opts.seed + k + 1 },
      );
      train.forEach((_, i) => {
        if (fold[i] === k) jack[i] = decodeIndexed(twk, trainDocs1[i]);
      });
    }
    log(`${L} jackknifed stage-1 F1 on train: ${(100 * score(train, jack).scores().overall.f1).toFixed(2)}`);
    const index2 = new FeatureIndex();
    const trainDocs2: TrainDoc[] = [];
    for (let k = 0; k < K; k++) {
      const ex = new FeatureExtractor(lexFor(k));
      train.forEach((d, i) => {
        if (fold[i] === k) trainDocs2[i] = withRepeat(toTrainDoc(d, concat(feats1[i], ex.stage2(d.sentences, jack[i])), index2, true, domainAdapt), d, goldRepeat);
      });
    }
    const devDocs2 = dev.map((d, i) => {
      const p1 = tagDocumentBilou(model, d.sentences);
      return toTrainDoc(d, concat(devFeats1[i], fullEx.stage2(d.sentences, p1)), index2, false, domainAdapt);
    });
    pruneRare(trainDocs2, index2.keys.length, minCount);
    log(`${L} training stage 2: ${index2.keys.length} distinct features`);
    const tw2 = trainEnsemble(trainDocs2, index2.keys.length, ensemble, {
      epochs,
      seed: opts.seed + 100,
      log,
      onEpoch: (e, tw) => log(`    dev F1 after epoch ${e}: ${(100 * devReport(tw, devDocs2).scores().overall.f1).toFixed(2)}`),
    });
    model = createModel(model.meta, fullLex, stage1, toLinearModel(index2, mergeDomain(index2, tw2, domainAdapt)));
  }
  if (opts.tuneBias !== false) {
    log(`${L} ${tuneOutsideBias(model, dev, evaluate)}`);
    log(`${L} ${tuneTypeBias(model, dev, evaluate)}`);
  }
  const final = evaluate(model, dev);
  log(`${L} final dev (${describeFile(cfg.dev)}):\n${final.report()}`);
  const sc = final.scores();
  const round = (x: number) => Number(x.toFixed(4));
  Object.assign(model.meta.training, {
    devScores: [...sc.types, sc.overall].map((s) => ({ type: s.type, precision: round(s.precision), recall: round(s.recall), f1: round(s.f1) })),
    ensemble,
    clusterWords: clusters.size,
    clusterGranularities: clusters.size ? `exchange clustering at ${(cfg.clusterClasses ?? [64, 256, 1024]).join(', ')} classes` : undefined,
    gazetteerLists: fullLex.gazetteer.names.join(', '),
    gazetteerEntries: fullLex.gazetteer.entries,
  });
  const file = modelPath(cfg.lang, opts.outDir);
  const bytes = saveNerModel(model, file);
  log(`${L} wrote ${file} (${(bytes / 1e6).toFixed(1)} MB; stage 1 ${model.stage1.size} rows, stage 2 ${model.stage2?.size ?? 0} rows) in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return model;
}

function meta(cfg: LanguageConfig, opts: TrainOptions, epochs: number, folds: number) {
  const crossFiles = [cfg.crossLingual ?? []].flat();
  return {
    lang: cfg.lang,
    featureVersion: FEATURE_VERSION,
    training: {
      train: cfg.train.map(describeFile).join(', '),
      trainFiles: cfg.train.map((f) => nerFile(f).file),
      extraTrain: cfg.extraTrain?.split('/').slice(-2).join('/'),
      crossLingual: crossFiles.length ? crossFiles.map((f) => nerFile(f).file) : undefined,
      unlabelledFiles: cfg.unlabelled.filter((u) => u.kind === 'ner').map((u) => relative(cfg.dataRoot, u.dir)),
      dev: describeFile(cfg.dev),
      unlabelledSources: ['the training text', ...cfg.unlabelled.map((u) => (u.kind === 'ner' ? `the text of ${u.dir.split('/').slice(-3).join('/')}` : { polnear: 'PolNeAR article text', ecbplus: 'ECB+ article text' }[u.kind]))],
      epochs,
      folds,
      goldRepeat: (opts.goldRepeat ?? cfg.goldRepeat ?? 1) > 1 ? (opts.goldRepeat ?? cfg.goldRepeat) : undefined,
      seed: opts.seed,
      clusters: opts.clusters,
      twoStage: opts.twoStage,
    } as Record<string, unknown>,
  };
}

/** "germeval2014/NER-de-dev.tsv (the rest of every 3rd document)", for the model card. */
function describeFile(entry: string | NerFile): string {
  const f = nerFile(entry);
  const nth = (n: number) => `${n}${n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : n === 1 ? 'st' : 'th'}`;
  const parts = [f.split && (f.split.part === 'held-out' ? `every ${nth(f.split.every)} document` : `all but every ${nth(f.split.every)} document`), f.limit && `first ${f.limit} documents`, f.types && `types ${f.types.join('/')}`, f.domain && `domain ${f.domain}`, f.docStart && `documents opened by sentences matching /${f.docStart}/`].filter(Boolean);
  return parts.length ? `${f.file} (${parts.join('; ')})` : f.file;
}

function toTrainDoc(d: LabelledDoc, f: DocFeatures, index: FeatureIndex, grow: boolean, domainAdapt: boolean): TrainDoc {
  const gold = new Uint8Array(d.sentences.reduce((a, s) => a + s.length, 0));
  let from = 0;
  d.sentences.forEach((s, i) => {
    gold.set(bilouFromSpans(d.spans[i], s.length), from);
    from += s.length;
  });
  if (domainAdapt) f = augment(f, d.domain ?? 0);
  return { lengths: d.sentences.map((s) => s.length), gold, feats: index.convert(f, grow), offs: f.offs };
}

/** Own gold documents (domain 0) are visited `repeat` times per epoch when other domains are trained on. */
function withRepeat(t: TrainDoc, d: LabelledDoc, repeat: number): TrainDoc {
  return repeat > 1 && (d.domain ?? 0) === 0 ? { ...t, repeat } : t;
}

const DOMAIN_SALT = 0x6d6f64;
const saltedKeys = new Set<number>();
/** "Frustratingly easy" domain adaptation (Daumé 2007): every feature twice, once shared and once
 *  as a copy specific to the document's domain (0: the model's language, 1: the extra data). */
function augment(f: DocFeatures, domain: number): DocFeatures {
  const n = f.offs.length - 1;
  const feats = new Uint32Array(f.feats.length * 2);
  const offs = new Int32Array(n + 1);
  let o = 0;
  for (let i = 0; i < n; i++) {
    offs[i] = o;
    for (let k = f.offs[i]; k < f.offs[i + 1]; k++) {
      feats[o++] = f.feats[k];
      const sk = mix(f.feats[k], DOMAIN_SALT + domain);
      saltedKeys.add(sk);
      feats[o++] = sk;
    }
  }
  offs[n] = o;
  return { feats, offs };
}

/** Weights to ship: for each shared feature, its weight plus that of its domain-0 copy (at run time
 *  every feature is a domain-0 feature); domain copies are dropped as keys of their own. */
function mergeDomain(index: FeatureIndex, tw: TrainedWeights, domainAdapt: boolean): TrainedWeights {
  if (!domainAdapt) return tw;
  const K = N_TAGS;
  const w = new Float32Array(tw.w.length);
  w.set(tw.w);
  const rowOf = tw.rowOf.slice();
  for (let ki = 0; ki < index.keys.length; ki++) {
    const key = index.keys[ki];
    if (saltedKeys.has(key)) {
      rowOf[ki] = -1;
      continue;
    }
    const r = rowOf[ki];
    const sk = index.map.get(mix(key, DOMAIN_SALT));
    const sr = sk === undefined ? -1 : tw.rowOf[sk];
    if (sr < 0) continue;
    if (r < 0) {
      rowOf[ki] = sr; // only the domain copy has weights
      continue;
    }
    for (let t = 0; t < K; t++) w[r * K + t] += tw.w[sr * K + t];
  }
  return { ...tw, w, rowOf };
}

/** Per-token concatenation of two feature sets over the same tokens. */
function concat(a: DocFeatures, b: DocFeatures): DocFeatures {
  const n = a.offs.length - 1;
  const feats = new Uint32Array(a.feats.length + b.feats.length);
  const offs = new Int32Array(n + 1);
  let o = 0;
  for (let i = 0; i < n; i++) {
    offs[i] = o;
    feats.set(a.feats.subarray(a.offs[i], a.offs[i + 1]), o);
    o += a.offs[i + 1] - a.offs[i];
    feats.set(b.feats.subarray(b.offs[i], b.offs[i + 1]), o);
    o += b.offs[i + 1] - b.offs[i];
  }
  offs[n] = o;
  return { feats, offs };
}

let em = new Float32Array(0);
/** Decodes an indexed document with trained weights; flat BILOU tags. */
function decodeIndexed(tw: TrainedWeights, d: TrainDoc): Uint8Array {
  const out = new Uint8Array(d.gold.length);
  const masked = maskTransitions(tw.transitions);
  let from = 0;
  for (const n of d.lengths) {
    if (em.length < n * N_TAGS) em = new Float32Array(n * N_TAGS * 2);
    em.fill(0, 0, n * N_TAGS);
    for (let i = 0; i < n; i++) {
      for (let k = d.offs[from + i]; k < d.offs[from + i + 1]; k++) {
        const key = d.feats[k];
        if (key < 0) continue;
        const r = tw.rowOf[key];
        if (r < 0) continue;
        for (let t = 0; t < N_TAGS; t++) em[i * N_TAGS + t] += tw.w[r * N_TAGS + t];
      }
    }
    viterbi(em, n, masked, out, from);
    from += n;
  }
  return out;
}

function score(docs: readonly LabelledDoc[], preds: readonly Uint8Array[]): EntityScorer {
  const sc = new EntityScorer();
  docs.forEach((d, di) => {
    let from = 0;
    d.sentences.forEach((s, i) => {
      sc.add(d.spans[i], spansFromBilou(preds[di].subarray(from, from + s.length)));
      from += s.length;
    });
  });
  return sc;
}

export function evaluate(model: NerModel, docs: readonly LabelledDoc[]): EntityScorer {
  return score(
    docs,
    docs.map((d) => tagDocumentBilou(model, d.sentences)),
  );
}

function pruneRare(docs: TrainDoc[], nKeys: number, min: number): void {
  const cnt = new Int32Array(nKeys);
  for (const d of docs) for (const k of d.feats) if (k >= 0) cnt[k]++;
  for (const d of docs) for (let i = 0; i < d.feats.length; i++) if (d.feats[i] >= 0 && cnt[d.feats[i]] < min) d.feats[i] = -1;
}

/** Silver name lists: the names a preliminary one-stage tagger (trained on the training data)
 *  finds in the unlabelled corpora, with their majority type; single words must be seen twice. */
function silverNames(
  cfg: LanguageConfig,
  opts: TrainOptions,
  train: LabelledDoc[],
  clusters: Map<string, Int32Array>,
  lcBucket: Map<string, number>,
  docs: string[][][],
): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  if (!cfg.silver || !docs.length) return out;
  const t0 = Date.now();
  const g = new Gazetteer();
  addCountryLists(g, cfg.lang);
  const lex: Lexicon = { clusters, lcBucket, gazetteer: g };
  const ex = new FeatureExtractor(lex);
  const index = new FeatureIndex();
  const docsT = train.map((d) => toTrainDoc(d, ex.stage1(d.sentences), index, true, false));
  const tw = trainEnsemble(docsT, index.keys.length, 1, { epochs: 10, seed: opts.seed });
  const tagger = createModel(meta(cfg, opts, 10, 0), lex, toLinearModel(index, tw), null);
  const counts = new Map<string, { toks: string[]; byType: Map<string, number> }>();
  for (const d of docs) {
    const flat = tagDocumentBilou(tagger, d);
    let from = 0;
    for (const s of d) {
      for (const sp of spansFromBilou(flat.subarray(from, from + s.length))) {
        const toks = s.slice(sp.start, sp.end);
        const key = toks.join(' ');
        let c = counts.get(key);
        if (!c) counts.set(key, (c = { toks, byType: new Map() }));
        c.byType.set(sp.type, (c.byType.get(sp.type) ?? 0) + 1);
      }
      from += s.length;
    }
  }
  for (const { toks, byType } of counts.values()) {
    const total = [...byType.values()].reduce((a, b) => a + b, 0);
    const [type, n] = [...byType].sort((a, b) => b[1] - a[1])[0];
    if (n / total < 0.7 || (toks.length === 1 && total < 2)) continue;
    if (!out.has(type)) out.set(type, []);
    out.get(type)!.push(toks);
  }
  console.log(`[${cfg.lang}] silver names: ${[...out].map(([t, l]) => `${t} ${l.length}`).join(', ')} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  return out;
}
