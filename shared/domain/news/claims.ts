import { fold } from './fold';
import type { SecurityLink } from './link';
import { findNameMentions, findSymbolMentions } from './mentions';
import { splitSentences, type Sentence } from './sentences';

/**
 * Price moves a story states ("kletterte in der Spitze um 4,8 %", "fell 3%"),
 * attributed to the linked listings, so charts can set the claim beside the
 * move the prices actually show.
 *
 * Attribution: a percentage belongs to every linked company named in its
 * sentence ("Kuaishou und JD.com … jeweils mehr als 4 %"), except names
 * introduced as a contrast ("Neben Alibaba …", "unlike Tencent"). A sentence
 * naming nobody ("In Hongkong kletterte das Papier …") continues the subject of
 * the last sentence in the same paragraph that named one, its first-named
 * company. A percentage needs a direction word in its own clause, else it is
 * not a price move ("25 percent tariffs").
 */
export type ClaimDirection = 'up' | 'down';
export type ClaimQualifier = 'exact' | 'up-to' | 'more-than' | 'about' | 'less-than';
/** 'day' claims can be compared with the event-day move; 'longer' ones ("seit Oktober", "this year") cannot. */
export type ClaimHorizon = 'day' | 'longer';

export interface PriceClaim {
  securityId: number;
  direction: ClaimDirection;
  percent: number; // magnitude, always positive; the sign is in `direction`
  qualifier: ClaimQualifier;
  horizon: ClaimHorizon;
  text: string; // the clause that states it
  index: number; // offset of the number in the text
}

const PERCENT = /([+\-−]\s?)?(\d{1,3}(?:[.,]\d+)?)\s?(%|prozent\b|percent\b|per\s?cent\b|pct\b\.?|procent\b)/giu;

// Folded (lower case, no accents) word forms. Stems in *_STEMS also match longer words.
const UP_WORDS = new Set([
  'klettert', 'kletterte', 'kletterten', 'geklettert', 'stieg', 'stiegen', 'steigt', 'steigen', 'gestiegen', 'zugelegt', 'legte', 'legten', 'legt',
  'gewann', 'gewannen', 'gewinnt', 'plus', 'anstieg', 'verteuerte', 'verteuerten', 'springt', 'sprang', 'sprangen', 'schoss', 'zogen', 'zog',
  'rose', 'rise', 'rises', 'risen', 'rising', 'gain', 'gained', 'gains', 'gaining', 'jump', 'jumped', 'jumps', 'climb', 'climbed', 'climbs',
  'surge', 'surged', 'surges', 'soar', 'soared', 'soars', 'rally', 'rallied', 'rallies', 'advance', 'advanced', 'advances', 'up', 'higher',
  'added', 'spiked', 'rebounded', 'increase', 'increased', 'grew',
]);
const UP_STEMS = ['kursgewinn', 'kurssprung', 'kursplus', 'aufschlag'];
const DOWN_WORDS = new Set([
  'fiel', 'fielen', 'fallt', 'fallen', 'gefallen', 'sank', 'sanken', 'sinkt', 'gesunken', 'verlor', 'verloren', 'verliert', 'verlieren', 'minus',
  'rutschte', 'rutschten', 'abgerutscht', 'brach', 'brachen', 'eingebrochen', 'nachgegeben', 'verbilligte', 'verbilligten',
  'fell', 'fall', 'falls', 'drop', 'dropped', 'drops', 'slid', 'slide', 'slides', 'slump', 'slumped', 'decline', 'declined', 'declines',
  'lost', 'lose', 'loses', 'down', 'lower', 'tumble', 'tumbled', 'plunge', 'plunged', 'plunges', 'sink', 'sinks', 'retreat', 'retreated',
  'eased', 'shed', 'dipped', 'dip', 'tanked', 'sunk', 'decrease', 'decreased',
]);
const DOWN_STEMS = ['kursverlust', 'kurseinbruch', 'abschlag', 'verlust'];

// Matched against the folded text just before the number, anchored at its end.
const QUALIFIERS: [ClaimQualifier, RegExp][] = [
  ['up-to', /(in der spitze|zeitweise|zwischenzeitlich|bis zu|as much as|up to|as high as|at one point)\s+(um\s+)?(jeweils\s+)?$/],
  ['more-than', /(mehr als|uber|more than|over|above|in excess of|upwards of)\s+(jeweils\s+)?$/],
  ['less-than', /(weniger als|knapp|unter|fast|less than|under|almost|nearly|just under)\s+(jeweils\s+)?$/],
  ['about', /(rund|etwa|ungefahr|circa|ca\.|about|around|roughly|approximately|some)\s+(jeweils\s+)?$/],
];

const LONGER = /(^|[^\p{L}])(seit|since|year-to-date|ytd|this year|in diesem jahr|dieses jahr|so far|year on year|year-on-year|im vorjahr|vorjahres|over the past|in the past|last (week|month|year)|this (week|month)|binnen|innerhalb|in den vergangenen|in den letzten|diese woche|wochen|monaten|jahren|weeks|months|years)([^\p{L}]|$)/u;

const CONTRAST = /(neben|ausser|au[sß]er|abgesehen von|anders als|im gegensatz zu|besides|apart from|unlike|compared with|compared to|verglichen mit)\s+((der|die|das|dem|den|the)\s+)?$/;

// Full-width marks end clauses too: CJK text has no spaces after them.
const CLAUSE_BREAK = /\s[–—-]\s|;\s*|:\s+|,\s+|\(|\)|[，；：（）]/g;

interface Clause {
  text: string;
  start: number; // offset in the sentence
}

function clausesOf(sentence: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  for (const m of sentence.matchAll(CLAUSE_BREAK)) {
    out.push({ text: sentence.slice(start, m.index), start });
    start = m.index + m[0].length;
  }
  out.push({ text: sentence.slice(start), start });
  return out;
}

function directionIn(clause: string, numberAt: number): { direction: ClaimDirection; distance: number } | null {
  let best: { direction: ClaimDirection; distance: number } | null = null;
  for (const w of clause.matchAll(/\p{L}+/gu)) {
    const word = fold(w[0]);
    const up = UP_WORDS.has(word) || UP_STEMS.some((s) => word.startsWith(s));
    const down = DOWN_WORDS.has(word) || DOWN_STEMS.some((s) => word.startsWith(s));
    if (up === down) continue;
    const distance = Math.abs(w.index - numberAt);
    if (!best || distance < best.distance) best = { direction: up ? 'up' : 'down', distance };
  }
  return best;
}

interface NamedAt {
  index: number;
  ids: Set<number>;
  contrast: boolean; // "Neben Alibaba …": named, but not what the sentence is about
}

function mentionsIn(sentence: Sentence, links: SecurityLink[]): NamedAt[] {
  const found: NamedAt[] = [];
  for (const link of links) {
    const terms = new Map<string, 'name' | 'symbol'>();
    for (const r of link.reasons) if (r.via !== 'stated-ticker') terms.set(r.term, r.via === 'name' ? 'name' : 'symbol');
    for (const [term, via] of terms) {
      const ms = via === 'name' ? findNameMentions(sentence.text, term) : findSymbolMentions(sentence.text, term);
      for (const m of ms) {
        const contrast = CONTRAST.test(fold(sentence.text.slice(Math.max(0, m.index - 30), m.index)));
        const same = found.find((f) => f.index === m.index);
        if (same) same.ids.add(link.securityId);
        else found.push({ index: m.index, ids: new Set([link.securityId]), contrast });
      }
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

const CONJUNCTION = /\s(?:and|und|while|whereas|but|aber|wahrend|während|sowie|wohingegen)\s/giu;
const STARTS_NEW_SUBJECT = /^(and|und|while|whereas|but|aber|wahrend|während|sowie|wohingegen|as well as)\s/iu;
// A name after the number behind one of these is an object: "Apple gained 2.2 percent following a report that it partnered with Alibaba".
const OBJECT_LINK = /(^|[^\p{L}])(following|after|with|that|from|than|against|mit|nach|wegen|dank|gegenuber)([^\p{L}]|$)/u;

/**
 * The part of a clause a percentage belongs to: "Nvidia climbed 3.2 percent and
 * Apple rose 2 percent" is two parts; a part without a percentage of its own
 * ("Kuaishou Technology und JD.com … jeweils mehr als 4 %") joins the next.
 */
function segmentAround(clause: Clause, local: number): Clause {
  const cuts = [0, ...[...clause.text.matchAll(CONJUNCTION)].map((m) => m.index), clause.text.length];
  let start = 0;
  for (let i = 1; i < cuts.length; i += 1) {
    const end = cuts[i] ?? clause.text.length;
    const part = clause.text.slice(start, end);
    if (local >= start && local < end) return { text: part, start: clause.start + start };
    if (PERCENT_TEST.test(part)) start = end;
  }
  return { text: clause.text.slice(start), start: clause.start + start };
}

const PERCENT_TEST = /\d\s?(%|prozent|percent|per\s?cent|pct)/iu;

/** Listings a percentage is attributed to; empty when it is about someone not linked. */
function ownersOf(sentence: string, clauses: Clause[], named: NamedAt[], segment: Clause, numberAt: number, carried: Set<number>): Set<number> {
  const segEnd = segment.start + segment.text.length;
  const inSegment = named.filter((n) => !n.contrast && n.index >= segment.start && n.index < segEnd && !(n.index > numberAt && OBJECT_LINK.test(fold(sentence.slice(numberAt, n.index)))));
  if (inSegment.length > 0) return new Set(inSegment.flatMap((n) => [...n.ids]));
  if (STARTS_NEW_SUBJECT.test(segment.text.trim())) return new Set();
  if (named.length === 0) return carried;
  const first = named.find((n) => !n.contrast && !(n.index > numberAt && OBJECT_LINK.test(fold(sentence.slice(numberAt, n.index)))));
  if (!first) return new Set();
  // "Tesla jumped 5.9 percent, Nvidia climbed 3.2 percent": a name whose own clause states a move keeps to it.
  const home = clauses.findLast((c) => c.start <= first.index);
  return home && PERCENT_TEST.test(home.text) ? new Set() : first.ids;
}

export function extractClaims(text: string, links: SecurityLink[]): PriceClaim[] {
  const claims: PriceClaim[] = [];
  let subject: Set<number> = new Set();
  let subjectBlock = -1;
  for (const sentence of splitSentences(text)) {
    const named = mentionsIn(sentence, links);
    if (sentence.block !== subjectBlock) subject = new Set();
    const carried = subject;
    const first = named.find((n) => !n.contrast) ?? named[0];
    if (first) {
      subject = first.ids;
      subjectBlock = sentence.block;
    }
    if (named.length === 0 && carried.size === 0) continue;

    const clauses = clausesOf(sentence.text);
    for (const m of sentence.text.matchAll(PERCENT)) {
      const numberAt = m.index + (m[1]?.length ?? 0);
      const ci = clauses.findLastIndex((c) => c.start <= numberAt);
      const clause = clauses[ci];
      if (!clause) continue;
      const local = numberAt - clause.start;
      let dir = directionIn(clause.text, local)?.direction ?? null;
      // "fell 4.2 points, or 0.02 percent": the 'or' clause restates the previous one.
      const previous = clauses[ci - 1];
      if (dir === null && previous && /^(or|oder|bzw\.?|beziehungsweise)\s/i.test(clause.text)) dir = directionIn(previous.text, previous.text.length)?.direction ?? null;
      if (dir === null && m[1]) dir = m[1].trim() === '+' ? 'up' : 'down';
      if (dir === null) continue;

      const owners = ownersOf(sentence.text, clauses, named, segmentAround(clause, local), numberAt, carried);
      const before = fold(clause.text.slice(0, local));
      const qualifier = QUALIFIERS.find(([, re]) => re.test(before))?.[0] ?? 'exact';
      const horizon: ClaimHorizon = LONGER.test(fold(clause.text)) ? 'longer' : 'day';
      const percent = Number((m[2] ?? '').replace(',', '.'));
      for (const securityId of owners) {
        claims.push({ securityId, direction: dir, percent, qualifier, horizon, text: clause.text.trim(), index: sentence.start + numberAt });
      }
    }
  }
  return claims;
}
