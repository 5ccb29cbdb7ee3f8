// Titles and roles around person names ("US President Donald Trump", "minister van Buitenlandse
// Zaken Gideon Saar", "State Department spokesman Matthew Miller") and role nouns used as
// references ("the president", "the Israeli leader", "de Israëlische premier"). Role vocabulary
// comes from the language's entities.json.
import type { EntityLanguage } from './language.ts';
import type { TaggedArticle } from './tag-article.ts';

export interface RolePhrase {
  /** Token range [first, end) of the whole phrase (modifiers, role noun, complement). */
  first: number;
  end: number;
  /** The role noun phrase, normalised ("prime minister", "secretary of state", "functionaris"). */
  head: string;
  /** For a reference: the head is a generic leader noun ("the leader", "head of state"); for a
   *  title: the role is a leading one ("president", "prime minister") such nouns can refer to. */
  leader: boolean;
  /** Normalised content modifiers and complements ("us", "israeli", "state department", "israel"). */
  modifiers: string[];
}

const undot = (s: string) => s.replace(/\./g, '');

const normsCache = new WeakMap<TaggedArticle, string[]>();

/** The normalised token texts of an article, computed once per article (titleBefore runs once per
 *  person name: mapping every token at each call made an article's time grow with its length squared). */
function tokenNorms(art: TaggedArticle): string[] {
  let norms = normsCache.get(art);
  if (!norms) {
    norms = art.tokens.map((t) => t.norm);
    normsCache.set(art, norms);
  }
  return norms;
}

/** Index of the name covering each token (-1 when none). */
export function nameIndex(art: TaggedArticle): Int32Array {
  const at = new Int32Array(art.tokens.length).fill(-1);
  art.names.forEach((n, i) => {
    for (let k = n.first; k < n.end; k++) at[k] = i;
  });
  return at;
}

/** Extends a role head leftwards over modifiers: role modifiers ("former") and non-person names
 *  ("US", "Israeli", "State Department"). */
function modifiersBefore(art: TaggedArticle, el: EntityLanguage, at: Int32Array, headFirst: number, floor: number, mods: string[]): number {
  let k = headFirst - 1;
  while (k >= floor) {
    const ni = at[k];
    if (ni >= 0 && art.names[ni].type !== 'PER') {
      const n = art.names[ni];
      mods.unshift(undot(art.tokens.slice(n.first, n.end).map((t) => t.norm).join(' ')));
      k = n.first - 1;
      continue;
    }
    if (el.roleModifiers.has(art.tokens[k].norm)) {
      // "deputy", "shadow", "former": another office than the bare role, kept as a modifier
      if (el.otherOffice.has(art.tokens[k].norm)) mods.unshift(art.tokens[k].norm);
      k--;
      continue;
    }
    break;
  }
  return k + 1;
}

/** The title or role phrase that ends right before token `p` (the first token of a person's
 *  name), or null. */
export function titleBefore(art: TaggedArticle, el: EntityLanguage, at: Int32Array, p: number): RolePhrase | null {
  const floor = art.sentences[art.tokens[p].sent].start;
  const norms = tokenNorms(art);
  const j = p - 1;
  if (j < floor) return null;
  const mods: string[] = [];
  let headFirst = -1;
  let head = '';
  // "Secretary of State", "Prime Minister", "minister van Buitenlandse Zaken"
  const len = el.roles.endingAt(norms, j, floor);
  if (len) {
    headFirst = j - len + 1;
    head = norms.slice(headFirst, j + 1).join(' ');
  } else {
    // role + link + complement: "Ambassador to Israel"
    const ni = at[j];
    if (ni >= 0 && art.names[ni].type !== 'PER') {
      const c = art.names[ni];
      const link = c.first - 1;
      if (link - 1 >= floor && el.roleLinks.has(norms[link])) {
        const l2 = el.roles.endingAt(norms, link - 1, floor);
        if (l2) {
          headFirst = link - l2;
          head = norms.slice(headFirst, link).join(' ');
          mods.push(undot(norms.slice(c.first, c.end).join(' ')));
        }
      }
    }
    // compound with a role noun as its last part: "Hamas-functionaris"
    if (headFirst < 0 && norms[j].includes('-')) {
      const parts = norms[j].split('-');
      const last = parts[parts.length - 1];
      if (last && el.roles.has(last)) {
        headFirst = j;
        head = last;
        const pre = parts.slice(0, -1).join('-');
        if (pre && !el.roleModifiers.has(pre) && !el.roleModifiers.has(`${pre}-`)) mods.push(undot(pre));
      }
    }
  }
  if (headFirst < 0) return null;
  const first = modifiersBefore(art, el, at, headFirst, floor, mods);
  return { first, end: p, head, leader: el.leaderRoles.has(head), modifiers: mods };
}

/** True when name `ni` is a person's full name whose surname no earlier person name has. */
function introducesPerson(art: TaggedArticle, ni: number): boolean {
  if (ni < 0) return false;
  const n = art.names[ni];
  if (n.type !== 'PER' || n.end - n.first < 2) return false;
  const last = art.tokens[n.end - 1].norm;
  return !art.names.some((o, oi) => oi < ni && o.type === 'PER' && o.end > o.first && art.tokens[o.end - 1].norm === last);
}

/** Definite role-noun references not followed by a name: "the president", "the Israeli leader",
 *  "the secretary of state", "de Israëlische premier". */
export function roleReferences(art: TaggedArticle, el: EntityLanguage, at: Int32Array): RolePhrase[] {
  const out: RolePhrase[] = [];
  const toks = art.tokens;
  const norms = tokenNorms(art);
  for (let i = 0; i < toks.length; i++) {
    if (!el.determiners.has(norms[i]) || at[i] >= 0) continue;
    const sentEnd = art.sentences[toks[i].sent].end;
    const mods: string[] = [];
    let k = i + 1;
    while (k < sentEnd) {
      const ni = at[k];
      if (ni >= 0 && art.names[ni].type !== 'PER') {
        const n = art.names[ni];
        mods.push(undot(norms.slice(n.first, n.end).join(' ')));
        k = n.end;
        continue;
      }
      if (el.roleModifiers.has(norms[k]) && !el.roles.startingAt(norms, k, sentEnd)) {
        if (el.otherOffice.has(norms[k])) mods.push(norms[k]);
        k++;
        continue;
      }
      break;
    }
    if (k >= sentEnd || at[k] >= 0) continue;
    const lr = el.leaderNouns.startingAt(norms, k, sentEnd);
    const len = Math.max(lr, el.roles.startingAt(norms, k, sentEnd));
    if (!len) continue;
    let end = k + len;
    if (at[end - 1] >= 0) continue;
    const head = norms.slice(k, end).join(' ');
    // complement: "the ambassador to Israel"
    if (end + 1 < sentEnd && el.roleLinks.has(norms[end]) && at[end + 1] >= 0 && art.names[at[end + 1]].type !== 'PER') {
      const n = art.names[at[end + 1]];
      mods.push(undot(norms.slice(n.first, n.end).join(' ')));
      end = n.end;
    }
    // followed by a name or honorific: a title, not a reference ("the president Donald Trump")
    if (end < sentEnd && ((at[end] >= 0 && art.names[at[end]].type === 'PER') || el.honorifics.has(norms[end]))) continue;
    // in apposition to the name after a comma, it names that person, not one mentioned before
    // ("talks with his Israeli counterpart, Ariel Sharon, and the Palestinian leader, Mahmoud Abbas")
    // (a full name the article names here for the first time; "the Israeli Prime Minister, Witkoff,
    // and Kushner" lists people already named)
    if (end + 1 < sentEnd && toks[end].text === ',' && introducesPerson(art, at[end + 1])) continue;
    // a plural or compound continuing the noun ("the president-elect" is matched whole above)
    if (end < sentEnd && /^\p{Ll}/u.test(toks[end].text) && el.roles.startingAt(norms, end, sentEnd)) continue;
    out.push({ first: i, end, head, leader: lr === len, modifiers: mods });
    i = end - 1;
  }
  return out;
}
