// Each cleaning rule on variants written for it: other agencies, languages and layouts, and the
// negatives that must survive (prose is never removed as noise).
import { describe, expect, it } from 'vitest';
import { cleanArticle, judgeCaption, noiseReason, parseByline, parseCredit, stripMarkup } from '../../src/clean/index.ts';
import type { CleanArticle, RawMeta } from '../../src/types.ts';

function clean(raw: string, meta: RawMeta = {}): CleanArticle {
  return cleanArticle({ file: 'variant.txt', format: 'txt', raw, original: raw, meta });
}
const removed = (a: CleanArticle) => a.removed.map((r) => [r.reason, r.text]);
const paras = (a: CleanArticle) => a.paragraphs.map((p) => a.text.slice(p.start, p.end));

/** A body paragraph long enough to be prose anywhere. */
const PROSE =
  'The talks in Doha resumed on Tuesday after a pause of several days, with mediators from Qatar and Egypt shuttling between the delegations in separate rooms of the same hotel.';
const PROSE2 =
  'Officials on both sides said that the remaining differences concerned the sequencing of the hostage releases and the withdrawal of troops from populated areas of the strip.';

describe('whitespace and paragraphs', () => {
  it('normalises NBSP, tabs, runs of spaces, CRLF, zero-width characters and blank edges', () => {
    const a = clean('\r\n\r\n  Trump\u00A0met\tNetanyahu   on  Monday.  \r\nThey\u200B talked. \u00A0\r\n\r\n\r\n');
    expect(a.text).toBe('Trump met Netanyahu on Monday.\n\nThey talked.');
    expect(a.paragraphs).toEqual([
      { start: 0, end: 30 },
      { start: 32, end: 44 },
    ]);
  });
  it('joins a hard-wrapped block into one paragraph, but not a list', () => {
    const wrapped = clean(
      [
        'The talks in Doha resumed on Tuesday after a pause of',
        'several days, with mediators from Qatar and Egypt going',
        'between the delegations in separate rooms of the hotel.',
      ].join('\n'),
    );
    expect(wrapped.paragraphs).toHaveLength(1);
    expect(wrapped.text).toContain('pause of several days');
    const list = clean(
      ['The government had claimed tobacco firms:', '- manipulated nicotine levels to increase addiction', '- targeted teenagers with multi-billion dollar campaigns', '- lied about the dangers.'].join('\n'),
    );
    expect(list.paragraphs).toHaveLength(4);
  });
  it('rejoins a line cut out of its sentence (next line starts in lower case), not a new sentence', () => {
    const a = clean(`${PROSE}\n\nThe men's 800m went to form in Sheffield as\n\ndominated the race from start to finish.\n\n${PROSE2}`);
    expect(paras(a)).toContain("The men's 800m went to form in Sheffield as dominated the race from start to finish.");
    const b = clean(`${PROSE}\n\nMoeizame ronde in Doha\n\n${PROSE2}`);
    expect(b.paragraphs).toHaveLength(3);
  });
});

describe('markup and entities', () => {
  it('removes tags and decodes entities; block tags break paragraphs', () => {
    const a = clean('Trump&nbsp;met <b>Netanyahu</b> and said &ldquo;yes&rdquo; &amp; left.<br>They spoke <em>twice</em>.');
    expect(paras(a)).toEqual(['Trump met Netanyahu and said “yes” & left.', 'They spoke twice.']);
    expect(removed(a)).toEqual([
      ['markup', '<b>'],
      ['markup', '</b>'],
      ['markup', '<br>'],
      ['markup', '<em>'],
      ['markup', '</em>'],
    ]);
  });
  it('reconstructs link text glued to a truncated href slug (any outlet)', () => {
    const a = stripMarkup('The ministry denied it,<a href="https://www.reuters.com/world/2024/05/01/israel-denies-report-Reuters reported.');
    expect(a.text).toBe('The ministry denied it, Reuters reported.');
    expect(a.removed).toEqual(['<a href="https://www.reuters.com/world/2024/05/01/israel-denies-report-']);
    expect(a.urls).toEqual(['https://www.reuters.com/world/2024/05/01/israel-denies-report-']);
  });
  it('ends a truncated href without a slug boundary at the space; keeps text after a broken tag', () => {
    expect(stripMarkup('He said so <a href="https://example.com/x according to the paper.').text).toBe('He said so according to the paper.');
    expect(stripMarkup('He said so <a href="https://example.com/x" according to the paper.').text).toBe(
      'He said so according to the paper.',
    );
  });
  it('leaves "<" that is not a tag alone', () => {
    for (const s of ['Turnout was < 40% in 2019.', 'I <3 Gaza', 'a <b c', 'x <abc> y']) expect(stripMarkup(s).text).toBe(s);
  });
  it('removes comments, scripts and shortcodes', () => {
    const a = clean(`${PROSE}\n<!-- ad slot -->\n<script>var x = "<p>";\n</script>\n[caption id="attachment_1"]${PROSE2}[/caption]`);
    expect(paras(a)).toEqual([PROSE, PROSE2]);
    expect(a.removed.every((r) => r.reason === 'markup')).toBe(true);
  });
});

describe('URL, media and boilerplate lines', () => {
  it('removes URL-only lines but keeps sentences with a URL', () => {
    expect(noiseReason('https://example.com/a.jpg?w=1200')).toBe('url');
    expect(noiseReason('www.example.com/news')).toBe('url');
    expect(noiseReason('Read the report at https://example.com/report.')).toBeNull();
  });
  it('removes player and image residue in English and Dutch', () => {
    for (const s of ['0:00', '1:23 / 4:56', 'image', 'Photo', 'Listen to this article', 'Listen to this article · 5 min', 'Luister naar dit artikel', 'Afbeelding', '[embedded content]', '[Video: Full speech in Washington]']) {
      expect(noiseReason(s), s).toBe('media');
    }
  });
  it('removes boilerplate in English and Dutch', () => {
    for (const s of ['Advertisement', 'ADVERTISEMENT', 'Share', 'Share this article', 'Read more: Trump meets Netanyahu', '5 min read', 'Advertentie', 'Delen', 'Lees ook: Kabinet valt over asiel', 'Follow Pam Key on Twitter @pamkeyNEN.', 'Volg Jan Jansen op X']) {
      expect(noiseReason(s), s).toBe('boilerplate');
    }
  });
  it('keeps prose that starts like boilerplate or media', () => {
    for (const s of [
      'Share prices fell sharply on Monday after the announcement.',
      'Advertisement spending rose by a third during the campaign, the commission said.',
      'Watch the video of the speech, the campaign urged its supporters.',
      'Image is everything in politics, one adviser said.',
      'Delen van de stad liggen in puin.',
    ]) {
      expect(noiseReason(s), s).toBeNull();
      expect(judgeCaption(s, false), s).toBeNull();
    }
  });
  it('removes lines without letters or digits as empty', () => {
    expect(noiseReason('***')).toBe('empty');
    expect(noiseReason('___.')).toBe('empty');
  });
});

describe('timestamps', () => {
  it('recognises labelled and bare publication stamps in English and Dutch', () => {
    for (const s of ['Updated:', 'Updated: May 2, 2024', 'Updated May 2, 2024 4:31 p.m. ET', 'Published 1 May 2024, 10:00 BST', 'Friday, May 3, 2024', '2024-05-01T10:00:00Z', '3 hours ago', 'Gepubliceerd: 1 mei 2024', 'Bijgewerkt 2 mei 2024 om 14:32', '2 uur geleden']) {
      expect(noiseReason(s), s).toBe('timestamp');
    }
  });
  it('keeps a live blog\'s entry time and sentences that contain a date', () => {
    for (const s of ['6:01 p.m.', 'Updated guidance was issued on May 2, 2024.', 'May 1, 2024 was a turning point for the talks.', 'Published reports said the talks had failed.']) {
      expect(noiseReason(s), s).toBeNull();
    }
  });
});

describe('bylines', () => {
  it('reads "By"/"Door" bylines with several names, an agency and a date', () => {
    expect(parseByline('By Jane Doe')).toEqual({ names: 'Jane Doe', timestamps: [] });
    expect(parseByline('BY JANE DOE and JOHN ROE, Associated Press')?.names).toBe('JANE DOE and JOHN ROE, Associated Press');
    expect(parseByline('Door Jan van der Berg en Piet de Vries')?.names).toBe('Jan van der Berg en Piet de Vries');
    expect(parseByline('By Jane Doe | May 1, 2024')).toEqual({ names: 'Jane Doe', timestamps: ['May 1, 2024'] });
  });
  it('does not read sentences starting with "By"/"Door" as bylines', () => {
    for (const s of ['By winning the primary in Ohio, Kasich picked up all 66 delegates.', 'Door de oorlog in Gaza zijn duizenden mensen gevlucht.', 'By Monday, the talks had collapsed.']) {
      expect(parseByline(s), s).toBeNull();
      expect(noiseReason(s), s).toBeNull();
    }
  });
  it('takes the byline of the header into `byline` and dates the article from it', () => {
    const a = clean(`Kabinet valt over asielbeleid\n\nDoor Jan Jansen | 3 juni 2025\n\n${PROSE}\n\n${PROSE2}`);
    expect(a.byline).toBe('Jan Jansen');
    expect(removed(a)).toContainEqual(['byline', 'Door Jan Jansen | 3 juni 2025']);
    expect(a.publishedAt).toBe('2025-06-03');
    expect(a.publishedAtFrom).toBe('text');
  });
  it('takes a bare name as byline only next to header residue', () => {
    const header = clean(`Talks resume in Doha\n\nJane Doe\nUpdated: May 2, 2024\n\n${PROSE}\n\n${PROSE2}`);
    expect(header.byline).toBe('Jane Doe');
    expect(header.publishedAt).toBe('2024-05-02');
    const body = clean(`${PROSE}\n\nJoe Biden\n\n${PROSE2}`);
    expect(body.byline).toBeNull();
    expect(paras(body)).toContain('Joe Biden');
  });
  it('prefers meta.byline and removes a line repeating it', () => {
    const a = clean(`Talks resume in Doha\n\nJane Doe\n\n${PROSE}`, { byline: 'By Jane Doe' });
    expect(a.byline).toBe('Jane Doe');
    expect(removed(a)).toContainEqual(['byline', 'Jane Doe']);
  });
});

describe('credits', () => {
  it('recognises contribution, reporting and copyright lines', () => {
    for (const s of ['The Associated Press contributed to this report.', 'Reuters contributed reporting.', 'Amanda Terkel contributed reporting from Charleston.', 'Reporting by Jane Doe; Editing by John Roe', 'Additional reporting by Jan Jansen in Brussels', 'Met medewerking van ANP', '© 2024 The Associated Press. All rights reserved.']) {
      expect(noiseReason(s), s).toBe('credit');
    }
  });
  it('keeps prose that mentions contributing', () => {
    for (const s of ['Rising prices contributed to the report’s gloomy findings, economists said.', 'Several agencies contributed to this report on the famine, the UN said, and more are expected to join.']) {
      expect(noiseReason(s), s).toBeNull();
    }
  });
});

describe('captions and photo credits', () => {
  it('recognises captions with credits of many agencies and styles', () => {
    for (const s of [
      'President Biden speaks in Washington. (AP Photo/Evan Vucci)',
      'Demonstrators in Tel Aviv on Saturday. Photograph: Jack Guez/AFP/Getty Images',
      'Smoke rises over Gaza. REUTERS/Amir Cohen',
      'Smoke rises over Gaza (EPA-EFE/HAITHAM IMAD)',
      'Benjamin Netanyahu in Jerusalem on Sunday. Foto: ANP',
      'Premier Schoof tijdens de persconferentie in Den Haag (ANP)',
      'Christoph Blocher reacts during a meeting on October 2, 2015. (FABRICE COFFRINI/AFP/Getty Images.)',
    ]) {
      expect(judgeCaption(s, false), s).toEqual({ reason: 'caption' });
    }
  });
  it('recognises credit-only lines', () => {
    for (const s of ['Foto: ANP', 'Foto ANP / Remko de Waal', 'Photo: Reuters', 'Getty.', 'Getty Images', 'Scott Olson via Getty Images.', 'Jim Urquhart / Reuters.', '(ANP)']) {
      expect(judgeCaption(s, false), s).toEqual({ reason: 'credit' });
    }
    expect(parseCredit('Weak dollar hits Reuters')).toBeNull();
  });
  it('keeps prose that names an agency mid-sentence or as its subject', () => {
    for (const s of [
      'The photo agency Getty Images said on Monday that it had licensed the pictures to several newspapers.',
      'Senior Hamas official Bassem Naim told AFP that the group rejects any continued Israeli control.',
      'Het nieuws werd gebracht door het Algemeen Nederlands Persbureau (ANP).',
    ]) {
      expect(judgeCaption(s, false), s).toBeNull();
      expect(clean(`${PROSE}\n\n${s}\n\n${PROSE2}`).text).toContain(s);
    }
  });
  it('removes only the credit from long prose ending in a credit', () => {
    const long = `${PROSE} ${PROSE2} (AFP via Getty Images)`;
    expect(judgeCaption(long, false)).toEqual({ reason: 'credit', tail: '(AFP via Getty Images)', keep: `${PROSE} ${PROSE2}` });
    const a = clean(`${PROSE}\n\n${long}`);
    expect(paras(a)[1]).toBe(`${PROSE} ${PROSE2}`);
    expect(removed(a)).toEqual([['credit', '(AFP via Getty Images)']]);
  });
  it('treats a bare agency tag after the last sentence as the text\'s credit', () => {
    const a = clean(`${PROSE}\n\nThe minister said the deal was done. (AFP)`);
    expect(paras(a)).toEqual([PROSE, 'The minister said the deal was done.']);
    expect(removed(a)).toEqual([['credit', '(AFP)']]);
  });
  it('removes caption paragraphs inside an article and keeps the prose around them', () => {
    const a = clean(`${PROSE}\n\nProtesters outside the White House on Monday (Reuters/Jane Doe)\n\n${PROSE2}`);
    expect(paras(a)).toEqual([PROSE, PROSE2]);
    expect(removed(a)).toEqual([['caption', 'Protesters outside the White House on Monday (Reuters/Jane Doe)']]);
  });
});

describe('titles', () => {
  it('uses meta.title and removes a first line repeating it (quotes, case, final period aside)', () => {
    const a = clean(`Trump Meets Netanyahu.\n\n${PROSE}`, { title: 'Trump meets Netanyahu' });
    expect(a.title).toBe('Trump meets Netanyahu');
    expect(removed(a)).toEqual([['title', 'Trump Meets Netanyahu.']]);
  });
  it('matches a first line against a metadata title with a site suffix', () => {
    const a = clean(`Trump meets Netanyahu\n\n${PROSE}`, { title: 'Trump meets Netanyahu | The Independent' });
    expect(a.title).toBe('Trump meets Netanyahu');
    expect(a.text).toBe(PROSE);
  });
  it('keeps a first line that differs from meta.title', () => {
    const a = clean(`${PROSE}\n\n${PROSE2}`, { title: 'Talks resume in Doha' });
    expect(a.title).toBe('Talks resume in Doha');
    expect(a.text).toBe(`${PROSE}\n\n${PROSE2}`);
  });
  it('promotes a headline-shaped first line (sentence case + blank line, or title case)', () => {
    expect(clean(`Talks resume in Doha as pressure grows\n\n${PROSE}`).title).toBe('Talks resume in Doha as pressure grows');
    expect(clean(`Talks Resume in Doha As Pressure Grows\n${PROSE}`).title).toBe('Talks Resume in Doha As Pressure Grows');
    expect(clean(`$1m payoff for former Shell boss\n\n${PROSE}`).title).toBe('$1m payoff for former Shell boss');
    expect(clean(`iTunes now selling Band Aid song\n\n${PROSE}`).title).toBe('iTunes now selling Band Aid song');
  });
  it('never promotes a body sentence', () => {
    for (const raw of [
      `Trump met Netanyahu on Monday.\n\n${PROSE}`, // a one-line sentence
      `Trump met Netanyahu on Monday. They talked\n\n${PROSE}`, // two sentences
      `“We will win,” he said,\n\n${PROSE}`, // ends mid-phrase
      `“They want a ceasefire”\n\n${PROSE}`, // a quotation
      `The talks resumed on Tuesday after a pause of several days with mediators from Qatar and Egypt going between the delegations in separate rooms of the same hotel near the airport\n\n${PROSE}`, // too long for a headline
      'Talks resume in Doha as pressure grows', // nothing follows
      `Caddell continued:\n\n${PROSE}`,
    ]) {
      expect(clean(raw).title, raw).toBeNull();
    }
  });
  it('removes repeats of the title anywhere as duplicate-title', () => {
    const a = clean(`Talks resume in Doha\n\n${PROSE}\n\nTalks Resume In Doha\n\n${PROSE2}`);
    expect(removed(a)).toEqual([
      ['title', 'Talks resume in Doha'],
      ['duplicate-title', 'Talks Resume In Doha'],
    ]);
  });
});

describe('dek', () => {
  it('takes the line under the headline as dek when header residue follows it', () => {
    const a = clean(`Talks resume in Doha\n\nMediators hope for a deal within days\n\nBy Jane Doe\n\n${PROSE}\n\n${PROSE2}`);
    expect(a.dek).toBe('Mediators hope for a deal within days');
    expect(paras(a)).toEqual([PROSE, PROSE2]);
  });
  it('takes a paragraph repeating meta.description as dek', () => {
    const a = clean(`Talks resume in Doha\n\nMediators hope for a deal within days.\n\n${PROSE}`, { description: 'Mediators hope for a deal within days.' });
    expect(a.dek).toBe('Mediators hope for a deal within days.');
  });
  it('leaves the lead in the body when no header residue follows it', () => {
    const a = clean(`Talks resume in Doha\n\n${PROSE}\n\nAdvertisement\n\n${PROSE2}`);
    expect(a.dek).toBeNull();
    expect(paras(a)).toEqual([PROSE, PROSE2]);
  });
  it('never takes long prose as dek', () => {
    const a = clean(`Talks resume in Doha\n\n${PROSE} ${PROSE2} ${PROSE}\n\nBy Jane Doe\n\n${PROSE2}`);
    expect(a.dek).toBeNull();
    expect(a.paragraphs).toHaveLength(2);
  });
  it('never takes a dateline paragraph as dek', () => {
    const a = clean(`The Latest: Cruz to give away guns\n\nWASHINGTON (AP) — The latest on the gun control actions (all times EST):\n\nUpdated: May 2, 2024\n\n${PROSE}`);
    expect(a.dek).toBeNull();
    expect(paras(a)[0]).toMatch(/^WASHINGTON \(AP\)/);
  });
});

describe('section headings', () => {
  it('marks short unpunctuated lines between prose paragraphs', () => {
    const a = clean(`${PROSE}\n\nNieuwe verkiezingen\n\n${PROSE2}`);
    expect(a.headings).toEqual([{ start: PROSE.length + 2, end: PROSE.length + 2 + 19, text: 'Nieuwe verkiezingen' }]);
  });
  it('does not mark short sentences, quotes, list items or the last paragraph', () => {
    for (const raw of [
      `${PROSE}\n\nThey agreed.\n\n${PROSE2}`,
      `${PROSE}\n\nAnd Mr. Christie gloated: ''I told you he wouldn't be ready.''\n\n${PROSE2}`,
      `${PROSE}\n\n“We will not stop”\n\n${PROSE2}`,
      `${PROSE}\n\nBarcelona\nBayern Munich\n\n${PROSE2}`,
      `${PROSE}\n\n${PROSE2}\n\nThe end of the talks`,
      `${PROSE}\n\nThe talks\n\nstalled again on Monday, officials said, as both sides blamed each other for the delay in the negotiations.`,
    ]) {
      const a = clean(raw);
      expect(a.headings.map((h) => h.text), raw).toEqual([]);
    }
  });
});

describe('source and url', () => {
  it('takes source from meta, else from the URL host', () => {
    expect(clean(PROSE, { source: 'The Independent' }).source).toBe('The Independent');
    expect(clean(PROSE, { url: 'https://www.independent.co.uk/news/x' }).source).toBe('independent.co.uk');
    expect(clean(PROSE).source).toBeNull();
  });
});
