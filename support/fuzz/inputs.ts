// Inputs for the fuzz harness (scripts/fuzz.ts) and the robustness tests: real articles (examples/,
// the reader fixtures, ../shared/data/bbc when present) mutated and wrapped in every input format,
// and pathological inputs built to a given size (deep nesting, repetition, digit runs, very long
// lines, invalid UTF-8, NUL bytes, entity bombs, hostile XML). Seeded: the same seed gives the same inputs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng } from '../random.ts';

export interface FuzzInput {
  /** What made it: "mutate:bbc/politics/001.txt", "nest-div", … */
  kind: string;
  /** File name given to the readers (its extension helps choose the format). */
  file: string;
  bytes: Buffer;
}

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Real inputs: the examples and reader fixtures, and up to `bbcFiles` BBC articles when the data set is there. */
export function seedFiles(bbcFiles = 200): { name: string; bytes: Buffer }[] {
  const out: { name: string; bytes: Buffer }[] = [];
  for (const dir of ['examples', 'test/fixtures/readers']) {
    const d = join(repo, dir);
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).sort()) out.push({ name: `${dir}/${f}`, bytes: readFileSync(join(d, f)) });
  }
  const bbc = resolve(repo, process.env.DOSSIER_DATA ?? '../shared/data', 'bbc');
  if (existsSync(bbc)) {
    const files: string[] = [];
    for (const topic of readdirSync(bbc).sort()) {
      const t = join(bbc, topic);
      if (!existsSync(t) || !/^[a-z]+$/.test(topic)) continue;
      for (const f of readdirSync(t).sort()) if (f.endsWith('.txt')) files.push(`${topic}/${f}`);
    }
    const step = Math.max(1, Math.floor(files.length / bbcFiles));
    for (let i = 0; i < files.length && out.length < bbcFiles + 20; i += step) out.push({ name: `bbc/${files[i]}`, bytes: readFileSync(join(bbc, files[i])) });
  }
  return out;
}

/** A text of about `size` characters made of `unit` repeated. */
const repeat = (unit: string, size: number) => unit.repeat(Math.max(1, Math.ceil(size / unit.length)));

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Pathological inputs of about `size` bytes, by name. */
export const PATHOLOGICAL: Record<string, (size: number, text: string) => { file: string; body: string | Buffer }> = {
  'nest-div': (size) => {
    const n = Math.max(1, Math.floor(size / 11));
    return { file: 'nest.html', body: `<html><body>${'<div>'.repeat(n)}Deeply nested text. It goes on.${'</div>'.repeat(n)}</body></html>` };
  },
  'nest-div-wide': (size, text) => {
    // depth just under the Readability limit, with real paragraphs at every level
    const paras = text.split(/\n+/).filter(Boolean);
    let body = '';
    let i = 0;
    while (body.length < size) body += `<div><p>${escapeXml(paras[i++ % paras.length])}</p>`;
    return { file: 'wide.html', body: `<html><body>${body}${'</div>'.repeat(i)}</body></html>` };
  },
  'nest-unclosed': (size) => ({ file: 'unclosed.html', body: `<html><body>${repeat('<b><i><span>x ', size)}</body></html>` }),
  'repeat-mr': (size) => ({ file: 'mr.txt', body: `Title\n\n${repeat('Mr. ', size)}` }),
  'repeat-sentence': (size) => ({ file: 'sentence.txt', body: `Title\n\n${repeat('He went home. ', size)}` }),
  'repeat-name': (size) => ({ file: 'names.txt', body: `Title\n\n${repeat('President Joe Biden met Benjamin Netanyahu. ', size)}` }),
  'repeat-quote': (size) => ({ file: 'quotes.txt', body: `Title\n\n${repeat('"We are close," he said. "', size)}` }),
  'repeat-capitals': (size) => ({ file: 'caps.txt', body: `Title\n\n${repeat('Aa Bb Cc Dd Ee ', size)}` }),
  'digit-run': (size) => ({ file: 'digits.txt', body: `Title\n\nThe army said ${'1'.repeat(size)} people were killed.` }),
  'digit-groups': (size) => ({ file: 'groups.txt', body: `Title\n\nMore than ${repeat('1,000.', size)} were killed, officials said on 12 May 2024.` }),
  'date-run': (size) => ({ file: 'dates.txt', body: `Title\n\n${repeat('12 May 2024 - ', size)}` }),
  'punctuation': (size) => ({ file: 'punct.txt', body: `Title\n\n${repeat('.,;:!?()"\'«»—-', size)}` }),
  'no-spaces': (size) => ({ file: 'word.txt', body: `Title\n\n${repeat('abcdefghij', size)}` }),
  'newlines': (size) => ({ file: 'newlines.txt', body: `Title${repeat('\n', size)}End.` }),
  'long-line-jsonl': (size, text) => ({ file: 'long.jsonl', body: JSON.stringify({ text: repeat(text.replace(/\n+/g, ' ') + ' ', size) }) }),
  'bbc-like': (size, text) => ({ file: 'long.txt', body: `Title\n\n${repeat(text + '\n\n', size)}` }),
  'bbc-one-paragraph': (size, text) => ({ file: 'para.txt', body: `Title\n\n${repeat(text.replace(/\n+/g, ' ') + ' ', size)}` }),
  'invalid-utf8': (size, text) => {
    const b = Buffer.from(repeat(text, size));
    for (let i = 7; i < b.length; i += 97) b[i] = 0xc3 ^ (i & 0x3f);
    return { file: 'bad.txt', body: b };
  },
  'nul-bytes': (size, text) => ({ file: 'nul.txt', body: repeat(text, size).replace(/ /g, (m, i: number) => (i % 50 === 0 ? '\u0000' : m)) }),
  'nul-in-json': (size, text) => ({ file: 'nul.jsonl', body: JSON.stringify({ text: repeat(text, size).replace(/ /g, (m, i: number) => (i % 50 === 0 ? '\u0000' : m)), title: 'a\u0000b' }) }),
  'entity-bomb': () => ({
    file: 'bomb.rss',
    body:
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">' +
      '<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]>' +
      '<rss version="2.0"><channel><title>t</title><item><title>&lol5;</title><description>&lol5; text of the item.</description></item></channel></rss>',
  }),
  'html-entities': (size) => ({ file: 'entities.html', body: `<html><body><p>${repeat('&amp;&lt;&#x41;&#65;&nbsp;&eacute;', size)}</p></body></html>` }),
  xxe: () => ({
    file: 'xxe.atom',
    body:
      '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' +
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>&xxe;</title><content>Read &xxe; here.</content></entry></feed>',
  }),
  'feed-many-items': (size, text) => {
    let items = '';
    let i = 0;
    while (items.length < size) items += `<item><title>Item ${i++}</title><description>${escapeXml(text.slice(0, 400))}</description></item>`;
    return { file: 'many.rss', body: `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${items}</channel></rss>` };
  },
  'deep-json': (size) => {
    const n = Math.max(1, Math.floor(size / 8));
    return { file: 'deep.jsonl', body: `${'{"a":'.repeat(n)}1${'}'.repeat(n)}\n{"text":"After the deep line."}` };
  },
  'binary-ish': (size) => {
    const r = rng(size);
    return { file: 'noise.txt', body: Buffer.from(Array.from({ length: size }, () => Math.floor(r() * 256))) };
  },
  'utf16': (size, text) => ({ file: 'u16.txt', body: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(repeat(text, size), 'utf16le')]) }),
};

const FORMATS = ['txt', 'html', 'jsonl', 'rss', 'atom'] as const;

/** One real article put into an input format. */
function wrap(text: string, format: (typeof FORMATS)[number]): string {
  const [title, ...rest] = text.split('\n');
  const body = rest.join('\n');
  switch (format) {
    case 'txt':
      return text;
    case 'html':
      return `<!doctype html><html><head><title>${escapeXml(title)}</title></head><body><nav>Home | World</nav><article><h1>${escapeXml(title)}</h1>${body
        .split(/\n\s*\n/)
        .map((p) => `<p>${escapeXml(p)}</p>`)
        .join('')}</article><footer>© 2024</footer></body></html>`;
    case 'jsonl':
      return `${JSON.stringify({ title, text: body, source: 'Fuzz' })}\n`;
    case 'rss':
      return `<?xml version="1.0"?><rss version="2.0"><channel><title>Fuzz</title><item><title>${escapeXml(title)}</title><description>${escapeXml(body)}</description></item></channel></rss>`;
    case 'atom':
      return `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Fuzz</title><entry><title>${escapeXml(title)}</title><content type="text">${escapeXml(body)}</content></entry></feed>`;
  }
}

/** Byte-level mutations of a real input. */
function mutate(bytes: Buffer, r: () => number): Buffer {
  const b = Buffer.from(bytes);
  const ops = 1 + Math.floor(r() * 8);
  let out = b;
  for (let k = 0; k < ops; k++) {
    const at = Math.floor(r() * Math.max(1, out.length));
    const op = Math.floor(r() * 6);
    if (op === 0 && out.length) out[at] = Math.floor(r() * 256); // flip a byte
    else if (op === 1) out = Buffer.concat([out.subarray(0, at), out.subarray(Math.min(out.length, at + Math.floor(r() * 200)))]); // delete
    else if (op === 2) {
      const from = Math.floor(r() * out.length);
      out = Buffer.concat([out.subarray(0, at), out.subarray(from, from + Math.floor(r() * 400)), out.subarray(at)]); // duplicate a slice
    } else if (op === 3) out = out.subarray(0, at); // truncate
    else if (op === 4) out = Buffer.concat([out.subarray(0, at), Buffer.from(['<', '>', '&', '"', '\n', '\u00a0', '“', '’', '.', '$', '%', '©'][Math.floor(r() * 12)]), out.subarray(at)]);
    else out = Buffer.concat([out.subarray(0, at), Buffer.from(['<div>', '</p>', '<!--', ']]>', '&amp;', '&#0;', '\r\n', '\t'][Math.floor(r() * 8)]), out.subarray(at)]);
  }
  return out;
}

/** Sizes of pathological inputs: small ones for most, and big ones for a fixed share of the inputs
 *  (BIG_EVERY), so a long run spends its time on many inputs rather than on a few huge ones; the
 *  10 MB line comes once every HUGE_EVERY inputs. */
const SMALL_SIZES = [1_000, 5_000, 20_000];
const BIG_SIZES = [100_000, 250_000, 1_000_000];
/** One input in BIG_EVERY is a pathological one of 100 kB to 1 MB (0.25 %). */
export const BIG_EVERY = 400;
/** One input in HUGE_EVERY is the 10.5 MB JSON line. */
export const HUGE_EVERY = 5_000;

/** `n` inputs from `seed`: about one in four pathological (one in BIG_EVERY of 100 kB – 1 MB, one in
 *  HUGE_EVERY a 10.5 MB line), the rest mutated or wrapped real articles. Input i is the same
 *  whatever `n`, so a run can be split over processes (each taking every k-th input): `take(i)` false
 *  skips input i (its random draws are still made, and its pathological body is not built). */
export function* fuzzInputs(seed: number, n: number, seeds = seedFiles(), take: (i: number) => boolean = () => true): Generator<FuzzInput & { index: number }> {
  const r = rng(seed);
  const texts = seeds.filter((s) => s.name.endsWith('.txt')).map((s) => s.bytes.toString('utf8'));
  const txtSeeds = seeds.filter((x) => x.name.endsWith('.txt'));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const kinds = Object.keys(PATHOLOGICAL);
  for (let i = 0; i < n; i++) {
    const roll = r();
    if (i % HUGE_EVERY === HUGE_EVERY - 1) {
      const text = pick(texts);
      if (!take(i)) continue;
      const { file, body } = PATHOLOGICAL['long-line-jsonl'](10_500_000, text);
      yield { index: i, kind: 'long-line-jsonl', file, bytes: Buffer.from(body as string, 'utf8') };
    } else if (i % BIG_EVERY === BIG_EVERY / 2 - 1) {
      const kind = pick(kinds);
      const size = pick(BIG_SIZES);
      const text = pick(texts);
      if (!take(i)) continue;
      const { file, body } = PATHOLOGICAL[kind](size, text);
      yield { index: i, kind, file, bytes: typeof body === 'string' ? Buffer.from(body, 'utf8') : body };
    } else if (roll < 0.25) {
      const kind = pick(kinds);
      const size = pick(SMALL_SIZES);
      const text = pick(texts);
      if (!take(i)) continue;
      const { file, body } = PATHOLOGICAL[kind](size, text);
      yield { index: i, kind, file, bytes: typeof body === 'string' ? Buffer.from(body, 'utf8') : body };
    } else if (roll < 0.6) {
      const s = pick(seeds);
      const bytes = mutate(s.bytes, r);
      if (take(i)) yield { index: i, kind: `mutate:${s.name}`, file: s.name.split('/').pop()!, bytes };
    } else {
      const s = pick(txtSeeds);
      const format = pick(FORMATS);
      const body = Buffer.from(wrap(s.bytes.toString('utf8'), format), 'utf8');
      const bytes = r() < 0.5 ? mutate(body, r) : body;
      if (take(i)) yield { index: i, kind: `${format}:${s.name}`, file: `fuzz.${format}`, bytes };
    }
  }
}
