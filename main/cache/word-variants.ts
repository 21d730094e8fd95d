/**
 * Word variants without a second copy of the text: the index keeps each word once, as
 * written (folded), and `word_variants` maps a variant key (the Snowball stem, text.ts's
 * variantKey) to the indexed words that have it. A variant search for "meetings" becomes
 * a search for the words filed under "meet" (meet, meeting, meetings...), in the same
 * columns and positions as an exact search, so phrases of variants keep working.
 *
 * Only words whose key differs from themselves are filed: a word that is its own key is
 * found by the key itself. Rows are never removed when mail goes: a word no message has
 * any more matches nothing, and the table only grows with the vocabulary (tens of
 * thousands of words, not one row per message).
 */
import { variantKey } from '../../common/gmail-query/text';
import type { SqlDatabase } from './database';

/** Words already filed by this connection: most of a page's words were filed before. */
const FILED_MEMO_LIMIT = 200_000;

export class WordVariants {
  private readonly insert;
  private readonly lookup;
  private readonly filed = new Set<string>();

  constructor(db: SqlDatabase) {
    this.insert = db.prepare('INSERT OR IGNORE INTO word_variants (variant_key, term) VALUES (?, ?)');
    this.lookup = db.prepare('SELECT term FROM word_variants WHERE variant_key = ?').pluck();
  }

  /** Files the words of one message (call inside the message's transaction). */
  record(words: Iterable<string>): void {
    for (const word of words) {
      if (this.filed.has(word)) continue;
      const key = variantKey(word);
      if (key !== word) this.insert.run(key, word);
      if (this.filed.size >= FILED_MEMO_LIMIT) this.filed.clear();
      this.filed.add(word);
    }
  }

  /** After a rolled-back transaction: what it filed is gone from the file, so file it again next time. */
  forgetFiled(): void {
    this.filed.clear();
  }

  /** Every indexed word whose variant key is `key` (the key itself when it is its own key, whether indexed or not). */
  wordsFor(key: string): string[] {
    const words = this.lookup.all(key) as string[];
    return variantKey(key) === key ? [key, ...words.filter((w) => w !== key)] : words;
  }
}
