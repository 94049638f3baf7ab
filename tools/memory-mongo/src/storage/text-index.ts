import { stemmer } from 'stemmer';
import { type Doc, isPlainObject, valuesAtPath } from '../values.js';

/**
 * A text index: simple tokenised matching with English stemming and stop words, scored by
 * term frequency and field weight. Enough for `$text` search and `{ $meta: 'textScore' }`
 * ordering; not MongoDB's exact scoring formula.
 */
const STOP_WORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being ' +
    'below between both but by can did do does doing down during each few for from further had has ' +
    'have having he her here hers herself him himself his how i if in into is it its itself just me ' +
    'more most my myself no nor not now of off on once only or other our ours ourselves out over own ' +
    'same she should so some such than that the their theirs them themselves then there these they ' +
    'this those through to too under until up very was we were what when where which while who whom ' +
    'why will with you your yours yourself yourselves'
  ).split(' '),
);

export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

export function tokenize(text: string, language: string): string[] {
  const words = normalizeText(text).split(/[^\p{L}\p{N}]+/u);
  const stem = language !== 'none';
  const terms: string[] = [];
  for (const word of words) {
    if (word.length === 0 || (stem && STOP_WORDS.has(word))) continue;
    terms.push(stem ? stemmer(word) : word);
  }
  return terms;
}

export interface TextSearch {
  terms: string[];
  phrases: string[];
  negatedTerms: Set<string>;
  negatedPhrases: string[];
}

/** Parses a `$search` string: words, "quoted phrases", -negated words and -"negated phrases". */
export function parseSearch(search: string, language: string): TextSearch {
  const result: TextSearch = {
    terms: [],
    phrases: [],
    negatedTerms: new Set(),
    negatedPhrases: [],
  };
  const pattern = /(-?)"([^"]*)"|(\S+)/g;
  for (const match of search.matchAll(pattern)) {
    const [, minus, phrase, word] = match;
    if (phrase !== undefined) {
      const normalized = normalizeText(phrase).trim();
      if (normalized.length === 0) continue;
      if (minus) result.negatedPhrases.push(normalized);
      else {
        result.phrases.push(normalized);
        result.terms.push(...tokenize(phrase, language));
      }
    } else if (word !== undefined) {
      const negated = word.startsWith('-') && word.length > 1;
      const terms = tokenize(negated ? word.slice(1) : word, language);
      for (const term of terms) {
        if (negated) result.negatedTerms.add(term);
        else result.terms.push(term);
      }
    }
  }
  // A word given twice counts once.
  result.terms = [...new Set(result.terms)];
  return result;
}

export class TextIndex {
  private readonly weights: Map<string, number>;
  private readonly wildcard: boolean;
  readonly language: string;
  /** term -> ids of the documents that contain it */
  private readonly postings = new Map<string, Set<string>>();
  private readonly termsById = new Map<string, string[]>();
  private readonly analyses = new WeakMap<Doc, Map<string, number>>();

  constructor(weights: Record<string, number>, language: string) {
    this.weights = new Map(Object.entries(weights));
    this.wildcard = this.weights.has('$**');
    this.language = language;
  }

  add(id: string, document: Doc): void {
    const terms = [...this.analyze(document).keys()];
    this.termsById.set(id, terms);
    for (const term of terms) {
      let ids = this.postings.get(term);
      if (!ids) this.postings.set(term, (ids = new Set()));
      ids.add(id);
    }
  }

  remove(id: string): void {
    for (const term of this.termsById.get(id) ?? []) {
      const ids = this.postings.get(term);
      ids?.delete(id);
      if (ids?.size === 0) this.postings.delete(term);
    }
    this.termsById.delete(id);
  }

  clear(): void {
    this.postings.clear();
    this.termsById.clear();
  }

  /** Ids of documents holding at least one search term (before phrase and negation checks). */
  candidates(search: TextSearch): Set<string> {
    const ids = new Set<string>();
    for (const term of search.terms) for (const id of this.postings.get(term) ?? []) ids.add(id);
    return ids;
  }

  /** The text score of a document, or undefined when it does not match the search. */
  score(document: Doc, search: TextSearch): number | undefined {
    if (search.terms.length === 0) return undefined;
    const termScores = this.analyze(document);
    let score = 0;
    for (const term of search.terms) score += termScores.get(term) ?? 0;
    if (score === 0) return undefined;
    for (const term of search.negatedTerms) if (termScores.has(term)) return undefined;
    if (search.phrases.length > 0 || search.negatedPhrases.length > 0) {
      const text = normalizeText(this.fieldTexts(document).join('\n'));
      if (!search.phrases.every((phrase) => text.includes(phrase))) return undefined;
      if (search.negatedPhrases.some((phrase) => text.includes(phrase))) return undefined;
    }
    return score;
  }

  /**
   * term -> weighted frequency of the term in the document. Stored documents never change in
   * place (an update stores a new object), so the analysis is cached per document object.
   */
  private analyze(document: Doc): Map<string, number> {
    const cached = this.analyses.get(document);
    if (cached) return cached;
    const scores = this.computeScores(document);
    this.analyses.set(document, scores);
    return scores;
  }

  private computeScores(document: Doc): Map<string, number> {
    const scores = new Map<string, number>();
    for (const [weight, text] of this.weightedTexts(document)) {
      const terms = tokenize(text, this.language);
      if (terms.length === 0) continue;
      // Frequent terms score higher; a hit in a short field counts a little more than in a long one.
      const lengthFactor = 0.5 + 0.5 / terms.length;
      for (const term of terms) scores.set(term, (scores.get(term) ?? 0) + weight * lengthFactor);
    }
    return scores;
  }

  private fieldTexts(document: Doc): string[] {
    return this.weightedTexts(document).map(([, text]) => text);
  }

  private weightedTexts(document: Doc): Array<[number, string]> {
    const texts: Array<[number, string]> = [];
    for (const [field, weight] of this.weights) {
      if (field === '$**') continue;
      for (const value of valuesAtPath(document, field)) {
        if (typeof value === 'string') texts.push([weight, value]);
      }
    }
    if (this.wildcard) {
      const weight = this.weights.get('$**') ?? 1;
      collectStrings(document, (text) => texts.push([weight, text]));
    }
    return texts;
  }
}

function collectStrings(value: unknown, found: (text: string) => void): void {
  if (typeof value === 'string') found(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, found);
  else if (isPlainObject(value))
    for (const item of Object.values(value)) collectStrings(item, found);
}
