/** What the sync benchmarks share: the corpus account's mail and the run's numeric options. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const CORPUS_MAIL = join(import.meta.dirname, '../../shared/corpus/mail');
export const CORPUS_ACCOUNT = 'phillip.allen@enron.com';

/** A numeric `--name N` option of this run, or `fallback` when it is not given. */
export function numberOption(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

/** The first `count` messages of the corpus, in file-name order (the same mailbox every run). */
export function corpusFiles(count: number): string[] {
  return readdirSync(CORPUS_MAIL)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .slice(0, count)
    .map((f) => join(CORPUS_MAIL, f));
}
