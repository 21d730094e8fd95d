/**
 * PDF preview in the real renderer (production build, Chromium, the real bridge and router):
 * time from the click on "Preview" to the first page drawn on its canvas, the first time
 * (pdf.js's chunk and worker loaded then) and after, for a 1-page and a 200-page document;
 * and how many pages' canvases were drawn (only those near the view should be).
 * Run: npx tsx bench/pdf-preview.ts [runs]   -> prints one JSON object.
 */
import type { AttachmentInfo, MessageDetail } from '../common/mail-types';
import { textPdf } from '../tests/e2e/pdf-fixtures';
import { launchBenchApp, percentile, syntheticRouter, syntheticRows } from './renderer-support';

const RUNS = Number(process.argv[2] ?? 5);
const DOCUMENTS = { onePage: textPdf(1), twoHundredPages: textPdf(200) };

async function main(): Promise<void> {
  const names = Object.keys(DOCUMENTS) as (keyof typeof DOCUMENTS)[];
  const rows = syntheticRows(names.length).map((r, i) => ({ ...r, id: `m${i}`, threadId: `t${i}`, subject: names[i]!, threadCount: 1, hasAttachment: true }));
  const attachment = (i: number): AttachmentInfo => {
    const bytes = DOCUMENTS[names[i]!];
    return { attachmentId: `a${i}`, partId: '2', filename: `${names[i]}.pdf`, mimeType: 'application/pdf', size: bytes.length, contentId: null, inline: false };
  };
  const detail = (i: number): MessageDetail => ({
    ...rows[i]!,
    cc: [],
    bcc: [],
    replyTo: [],
    date: new Date(rows[i]!.internalDate).toUTCString(),
    messageIdHeader: `<m${i}@bench>`,
    listId: '',
    html: null,
    text: 'See the attached report.',
    attachments: [attachment(i)],
  });
  const app = await launchBenchApp(
    syntheticRouter(rows, {
      getThread: (_account, threadId) => ({ id: threadId, subject: names[Number(threadId.slice(1))]!, messages: [detail(Number(threadId.slice(1)))] }),
      previewAttachment: (_account, messageId) => {
        const bytes = DOCUMENTS[names[Number(messageId.slice(1))]!];
        return { kind: 'pdf', mimeType: 'application/pdf', dataUrl: `data:application/pdf;base64,${bytes.toString('base64')}` };
      },
    }),
  );
  const { page } = app;
  const results: Record<string, unknown> = {};
  try {
    for (const [i, name] of names.entries()) {
      await page.locator(`[role="option"][data-id="m${i}"]`).click();
      const times: number[] = [];
      let drawn = 0;
      for (let run = 0; run < RUNS; run += 1) {
        const started = Date.now();
        await page.getByRole('button', { name: `Preview ${name}.pdf` }).click();
        await page.locator('[data-page="1"] canvas[data-rendered="true"]').waitFor({ timeout: 60_000 });
        times.push(Date.now() - started);
        drawn = await page.locator('canvas[data-rendered="true"]').count();
        await page.keyboard.press('Escape');
        await page.getByTestId('attachment-viewer').waitFor({ state: 'detached' });
      }
      results[name] = {
        bytes: DOCUMENTS[name].length,
        firstOpenMs: times[0],
        laterOpensMs: { p50: percentile(times.slice(1), 50), max: percentile(times.slice(1), 100) },
        pagesDrawnOnOpen: drawn,
      };
    }
    console.log(JSON.stringify({ bench: 'pdf-preview', runs: RUNS, viewport: '1440x900', results }));
  } finally {
    await app.close();
  }
}

await main();
