import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMailbox, type Mailbox, type StoredMessage } from '../../../emulator/mailbox';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const corpus = path.resolve(repoRoot, '../shared/corpus');
const haveCorpus = existsSync(path.join(corpus, 'mail'));

let mb: Mailbox;

describe.skipIf(!haveCorpus)('the whole shared corpus', () => {
  beforeAll(async () => {
    mb = await loadMailbox({ email: 'phillip.allen@enron.com', paths: [path.join(corpus, 'mail')] });
    const { messages, skipped, files, ms } = mb.loadStats;
    console.log(`corpus: ${messages} loaded, ${skipped} skipped, ${files} files, ${ms} ms, ${mb.threadIds().length} threads`);
  }, 120_000);

  const find = (subjectPart: string): StoredMessage => {
    const m = mb.list().find((x) => x.searchable.subject.includes(subjectPart));
    if (!m) throw new Error(`no message with subject containing ${subjectPart}`);
    return m;
  };

  it('loads all 7,148 files without a crash or a skip, in seconds', () => {
    expect(mb.loadStats.files).toBe(7148);
    expect(mb.loadStats.messages).toBe(7148);
    expect(mb.loadStats.skipped).toBe(0);
    expect(mb.loadStats.ms).toBeLessThan(30_000);
  });

  it('gives every message a well-formed Gmail shape', () => {
    const ids = new Set<string>();
    for (const m of mb.list()) {
      expect(m.id).toMatch(/^[0-9a-f]{16}$/);
      ids.add(m.id);
      expect(mb.get(m.threadId) ?? mb.thread(m.threadId)[0]).toBeDefined();
      expect(m.payload.partId).toBe('');
      expect(m.sizeEstimate).toBe(m.raw.length);
      expect(Number.isFinite(m.internalDate)).toBe(true);
      const unescaped = m.snippet.replace(/&(?:amp|lt|gt|quot|#39);/g, '_');
      expect(unescaped.length).toBeLessThanOrEqual(200);
      for (const [attId, bytes] of m.attachments) expect(attId && Buffer.isBuffer(bytes)).toBeTruthy();
    }
    expect(ids.size).toBe(7148);
  });

  it('decodes CJK mail: ISO-2022-JP, GB2312, GBK, Big5, EUC-KR', () => {
    const jp = find('日本語の件名（サブジェクト）　スパムメールではありません！');
    expect(jp.searchable.from).toContain('伊東　仁');
    expect(jp.searchable.bodyText).toContain('いつもお世話になっております');
    expect(jp.searchable.attachments).toEqual([{ filename: 'マイルストーン表示.bmp', mimeType: 'image/bmp' }]);
    expect(find('汽车、交通行业MBA').searchable.bodyText).toContain('工商管理硕士研究生课程研修班');
    expect(find('您的满意是我们追求的目标').snippet).toContain('WEBSITE');
    expect(find('免費無限次任打中港長途電話').payload.mimeType).toBe('multipart/related');
    const subjects = mb
      .list()
      .map((m) => m.searchable.subject)
      .join('\n');
    expect(subjects).toMatch(/[\uac00-\ud7a3]/); // some Hangul decoded
  });

  it('turns HTML-only mail into text and keeps snippets escaped', () => {
    const html = mb.list().filter((m) => m.payload.mimeType === 'text/html' && m.snippet !== '');
    expect(html.length).toBeGreaterThan(50);
    for (const m of html) expect(m.snippet).not.toMatch(/<[a-z]+[\s>]/i);
  });

  it('threads the mailing lists through References', () => {
    const big = mb
      .threadIds()
      .map((t) => mb.thread(t))
      .filter((t) => t.length >= 5);
    expect(big.length).toBeGreaterThan(20);
    for (const t of big) expect(t[0]!.id === t[0]!.threadId || t.every((m) => m.threadId === t[0]!.threadId)).toBe(true);
  });

  it('loads the deliberately malformed files leniently', () => {
    // 06747: a garbled line in the middle of the header block
    expect(find('Stop adware/spyware once and for all.').searchable.from).toBe('"xxx xxx" <xxx@xxx.xxx>');
    // 06804: a UTF-8 BOM before the first header
    expect(find('FW: Earn money').payload.mimeType).toBe('multipart/report');
    // 06830: no headers and no empty line at all
    expect(mb.list().some((m) => m.payload.headers.length === 0 && m.searchable.bodyText.startsWith('This is a simple message not having headers'))).toBe(true);
    // 07019: whitespace-only lines where the empty line should be
    expect(mb.list().some((m) => m.searchable.subject === 'no r-x req' && m.snippet.startsWith('Good Day'))).toBe(true);
  });

  it('every message is in the inbox or sent', () => {
    const empty = mb.list().filter((m) => m.payload.headers.length === 0);
    expect(empty.length).toBeLessThan(10);
    const counts = mb.labelCounts('INBOX');
    expect(counts.messagesTotal + mb.labelCounts('SENT').messagesTotal).toBe(7148);
  });
});
