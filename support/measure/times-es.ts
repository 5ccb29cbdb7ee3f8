// Times layer accuracy on the Spanish TimeBank (TempEval-3 Spanish, ../shared/data/timex-es, train
// split): TIMEX3 of type DATE with a calendar value, anchored on each document's creation time, scored
// like TempEval-3 in times.ts (span P/R by overlap, value accuracy on found spans, value F1). The
// corpus comes tokenised; the text is rebuilt with the usual spacing of Spanish punctuation.
import { readFileSync } from 'node:fs';
import { extractTimes } from '../../src/analysis/times/extract.ts';
import { segmentSentences } from '../../src/analysis/sentences/segment.ts';
import { dataPath } from '../data.ts';
import { newScore, scoreDoc, type Gold, type TimeScore } from './times.ts';

interface Doc {
  dct: string;
  text: string;
  gold: Gold[];
}

const NO_SPACE_BEFORE = /^[,.;:!?)\]»”%]|^'s$/;
const NO_SPACE_AFTER = /^[(\[¿¡«“]$/;

/** TimeML values to ours: drop time-of-day parts ("2001-02-01TMO" -> "2001-02-01"), "2001-W7" -> "2001-W07". */
function timexValue(v: string): string {
  return v.replace(/T.*$/, '').replace(/-W(\d)$/, '-W0$1');
}

/** The documents of the train split: text rebuilt from the tokens, gold timexes with offsets. */
export function timexEsDocs(): Doc[] {
  const lines = readFileSync(dataPath('timex-es', 'timebank-es.train.tsv'), 'utf8').split('\n');
  const docs: Doc[] = [];
  let doc: Doc | null = null;
  let open: { start: number; type: string; value: string } | null = null;
  let glue = true;
  const close = () => {
    if (!open || !doc) return;
    const inScope = open.type === 'DATE' && /^\d{4}/.test(open.value);
    doc.gold.push({ start: open.start, end: doc.text.length, inScope, values: inScope ? [timexValue(open.value)] : [] });
    open = null;
  };
  for (const line of lines) {
    const dct = /^\*!-DCTVALUE="([^"]+)"-!\*/.exec(line);
    if (dct) {
      close();
      doc = { dct: dct[1], text: '', gold: [] };
      docs.push(doc);
      glue = true;
      continue;
    }
    if (!doc) continue;
    if (line.trim() === '') {
      close();
      if (doc.text) doc.text += '\n';
      glue = true;
      continue;
    }
    const [token, tag = 'O', value = '-'] = line.split('\t');
    if (!tag.startsWith('I-')) close();
    if (!glue && !NO_SPACE_BEFORE.test(token)) doc.text += ' ';
    if (tag.startsWith('B-')) open = { start: doc.text.length, type: tag.slice(2), value };
    doc.text += token;
    glue = NO_SPACE_AFTER.test(token);
  }
  close();
  return docs;
}

/** Spanish TimeBank train, TIMEX3 type DATE (see the file comment). */
export function measureTimexEs(errors?: string[]): TimeScore {
  const s = newScore();
  for (const d of timexEsDocs()) {
    const preds = extractTimes(d.text, 'es', d.dct, segmentSentences(d.text, 'es'));
    scoreDoc(s, preds, d.gold, errors, d.text);
  }
  return s;
}
