/**
 * "Did you mean": a corrected query from the cache's own vocabulary.
 *
 * The words come from the FTS index itself (an `fts5vocab` table over `message_fts`, in the
 * connection's temp schema, so no migration): only the free-text columns, whose tokens are
 * text.ts's folded words (the `_stems` columns of schema-3 rows hold stems, not words anyone types).
 * A query word of four letters or more that the mailbox doesn't have is replaced by the
 * closest word it has (Damerau edit distance at most 2, the more frequent on a tie).
 * Operators (`from:`, `label:`...), quoted phrases, `OR`/`AND`, numbers and CJK words stay
 * as typed: CJK is indexed as character bigrams, where an edit distance means nothing.
 */
import { foldText, isCjkToken } from '../../common/gmail-query/text';
import type { SqlDatabase } from './database';
import { FREE_TEXT_COLUMNS } from './message-record';

const MIN_WORD = 4;
const MAX_DISTANCE = 2;
/** The vocabulary is read again when the mailbox changed and it is older than this. */
const REFRESH_MS = 30_000;
const WORD = /^\p{L}+$/u;
/** A query piece: a quoted phrase (maybe unclosed), or a run of non-space characters. */
const PIECE = /"[^"]*"?|[^\s"]+/gu;
const KEYWORDS = new Set(['OR', 'AND', 'AROUND']);
const SUBSTITUTION = 1.25;
/** A word in at most this many messages may itself be a typo... */
const RARE = 2;
/** ...of a neighbour in this many times more messages. */
const COMMON = 20;
const TEXT_COLUMNS = new Set<string>(FREE_TEXT_COLUMNS);
const VOCABULARY = 'temp.skimmer_vocabulary';

interface Entry {
  readonly term: string;
  /** Messages whose text or subject has the word. */
  readonly docs: number;
}

/**
 * Edits between two words, a swap of neighbours counting one (optimal string alignment); a
 * substitution costs a little more than a missing, extra or swapped letter, the commoner
 * typos ("contrct" is "contract" before "contact"). `limit + 1` once it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = MAX_DISTANCE): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : SUBSTITUTION;
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
  /** Words by first letter, read from the index when first needed; dropped when the mailbox changed. */
  private byInitial = new Map<string, readonly Entry[]>();
  private readAt = 0;
  private readAtMessages = -1;
  private ready = false;

  constructor(
    private readonly db: SqlDatabase,
    /** Messages in the cache now: a change means the vocabulary may have changed. */
    private readonly messageCount: () => number,
  ) {}

  /** The query with its misspelt words corrected, or null when nothing needs correcting. */
  suggest(query: string): string | null {
    this.refresh();
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
    const own = this.lookup(word);
    // A word the mailbox has stays, unless it is rare (a typo in someone's mail) beside a common neighbour.
    if (own !== null && (own === 0 || own > RARE)) return null;
    const minDocs = own === null ? 1 : Math.max(COMMON, own * COMMON);
    // In edits, substitutions at their cost: at most two edits for an unknown word, one for a rare one.
    const limit = (own === null ? MAX_DISTANCE : 1) * SUBSTITUTION;
    let best: Entry | null = null;
    let bestDistance = limit + 1;
    const initials = new Set([...word].slice(0, 2));
    for (const initial of initials) {
      for (const entry of this.wordsFrom(initial)) {
        if (entry.docs < minDocs || Math.abs(entry.term.length - word.length) > limit || entry.term === word) continue;
        const distance = editDistance(word, entry.term, limit);
        if (distance < bestDistance || (distance === bestDistance && best !== null && entry.docs > best.docs)) {
          best = entry;
          bestDistance = distance;
        }
      }
    }
    return best && bestDistance <= limit ? best.term : null;
  }

  /** In how many messages' text or subject the word is (0: only in other fields), or null when the index lacks it. */
  private lookup(word: string): number | null {
    const rows = this.db.prepare(`SELECT col, doc FROM ${VOCABULARY} WHERE term = ?`).all(word) as { col: string; doc: number }[];
    if (rows.length === 0) return null;
    return rows.filter((r) => TEXT_COLUMNS.has(r.col)).reduce((sum, r) => sum + Number(r.doc), 0);
  }

  /** The text and subject words starting with `initial` (an index range scan, not the whole vocabulary). */
  private wordsFrom(initial: string): readonly Entry[] {
    const cached = this.byInitial.get(initial);
    if (cached) return cached;
    const next = String.fromCodePoint(initial.codePointAt(0)! + 1);
    const rows = this.db.prepare(`SELECT term, col, doc FROM ${VOCABULARY} WHERE term >= ? AND term < ?`).all(initial, next) as {
      term: string;
      col: string;
      doc: number;
    }[];
    const docs = new Map<string, number>();
    for (const { term, col, doc } of rows) {
      if (TEXT_COLUMNS.has(col) && term.length >= MIN_WORD - MAX_DISTANCE && WORD.test(term) && !isCjkToken(term))
        docs.set(term, (docs.get(term) ?? 0) + Number(doc));
    }
    const entries = [...docs].map(([term, n]) => ({ term, docs: n }));
    this.byInitial.set(initial, entries);
    return entries;
  }

  private refresh(): void {
    if (!this.ready) {
      this.db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS ${VOCABULARY} USING fts5vocab(main, 'message_fts', 'col')`);
      this.ready = true;
    }
    const now = Date.now();
    const messages = this.messageCount();
    if (messages !== this.readAtMessages && now - this.readAt >= REFRESH_MS) {
      this.byInitial = new Map();
      this.readAt = now;
      this.readAtMessages = messages;
    }
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
