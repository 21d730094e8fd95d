/**
 * "Did you mean": a corrected query from the cache's own vocabulary.
 *
 * The words come from the FTS index itself (an `fts5vocab` table over `message_fts`, in the
 * connection's temp schema, so no migration): only the plain text and subject columns, whose
 * tokens are text.ts's folded words (the `_stems` columns hold stems, not words anyone types).
 * A query word of four letters or more that the mailbox doesn't have is replaced by the
 * closest word it has (Damerau edit distance at most 2, the more frequent on a tie).
 * Operators (`from:`, `label:`...), quoted phrases, `OR`/`AND`, numbers and CJK words stay
 * as typed: CJK is indexed as character bigrams, where an edit distance means nothing.
 */
import { foldText, isCjkToken } from '../../common/gmail-query/text';
import type { SqlDatabase } from './database';

const MIN_WORD = 4;
const MAX_DISTANCE = 2;
/** The vocabulary is read again when the mailbox changed and it is older than this. */
const REFRESH_MS = 30_000;
const WORD = /^\p{L}+$/u;
/** A query piece: a quoted phrase (maybe unclosed), or a run of non-space characters. */
const PIECE = /"[^"]*"?|[^\s"]+/gu;
const KEYWORDS = new Set(['OR', 'AND', 'AROUND']);

interface Loaded {
  /** Every word the index holds, in any field (a name in an address is not a typo). */
  readonly known: ReadonlySet<string>;
  /** The words a correction may use (text and subject) and in how many messages each is. */
  readonly words: ReadonlyMap<string, number>;
  /** Words by length, to compare a word only with those within the distance. */
  readonly byLength: ReadonlyMap<number, readonly string[]>;
  readonly at: number;
  readonly messages: number;
}

/** Optimal string alignment distance (a swap of neighbours is one edit), or `limit + 1` once it must exceed `limit`. */
export function editDistance(a: string, b: string, limit = MAX_DISTANCE): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

export class CacheVocabulary {
  private loaded: Loaded | null = null;

  constructor(
    private readonly db: SqlDatabase,
    /** Messages in the cache now: a change means the vocabulary may have changed. */
    private readonly messageCount: () => number,
  ) {}

  /** The query with its misspelt words corrected, or null when nothing needs correcting. */
  suggest(query: string): string | null {
    let changed = false;
    const corrected = query.replace(PIECE, (piece) => {
      const fixed = this.correctPiece(piece);
      if (fixed !== piece) changed = true;
      return fixed;
    });
    return changed ? corrected : null;
  }

  /** One piece of the query: an operator, phrase or keyword stays; a word may be corrected, its - ( ) kept. */
  private correctPiece(piece: string): string {
    if (piece.startsWith('"') || piece.includes(':') || KEYWORDS.has(piece)) return piece;
    const [, lead = '', core = '', trail = ''] = /^([-+({]*)(.*?)([)}]*)$/u.exec(piece) ?? [];
    if (!WORD.test(core) || isCjkToken(core)) return piece;
    const word = foldText(core);
    if (Array.from(word).length < MIN_WORD) return piece;
    const best = this.closest(word);
    return best === null ? piece : `${lead}${best}${trail}`;
  }

  private closest(word: string): string | null {
    const { known, words, byLength } = this.vocabulary();
    if (known.has(word)) return null;
    let best: string | null = null;
    let bestDistance = MAX_DISTANCE + 1;
    let bestCount = 0;
    for (let length = word.length - MAX_DISTANCE; length <= word.length + MAX_DISTANCE; length++) {
      for (const candidate of byLength.get(length) ?? []) {
        const distance = editDistance(word, candidate);
        const count = words.get(candidate)!;
        if (distance < bestDistance || (distance === bestDistance && count > bestCount)) {
          best = candidate;
          bestDistance = distance;
          bestCount = count;
        }
      }
    }
    return bestDistance <= MAX_DISTANCE ? best : null;
  }

  private vocabulary(): Loaded {
    const now = Date.now();
    const messages = this.messageCount();
    if (this.loaded && (this.loaded.messages === messages || now - this.loaded.at < REFRESH_MS)) return this.loaded;
    this.db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.skimmer_vocabulary USING fts5vocab(main, 'message_fts', 'col')");
    const rows = this.db.prepare('SELECT term, col, doc FROM temp.skimmer_vocabulary').all() as { term: string; col: string; doc: number }[];
    const known = new Set<string>();
    const words = new Map<string, number>();
    for (const { term, col, doc } of rows) {
      known.add(term);
      if ((col !== 'text' && col !== 'subject') || term.length < MIN_WORD - MAX_DISTANCE || !WORD.test(term) || isCjkToken(term)) continue;
      words.set(term, (words.get(term) ?? 0) + Number(doc));
    }
    const byLength = new Map<number, string[]>();
    for (const term of words.keys()) {
      const list = byLength.get(term.length) ?? [];
      list.push(term);
      byLength.set(term.length, list);
    }
    this.loaded = { known, words, byLength, at: now, messages };
    return this.loaded;
  }
}

const vocabularies = new WeakMap<SqlDatabase, CacheVocabulary>();

/** The vocabulary of one open cache (one per connection, kept while the connection lives). */
export function vocabularyFor(db: SqlDatabase, messageCount: () => number): CacheVocabulary {
  let vocabulary = vocabularies.get(db);
  if (!vocabulary) {
    vocabulary = new CacheVocabulary(db, messageCount);
    vocabularies.set(db, vocabulary);
  }
  return vocabulary;
}
