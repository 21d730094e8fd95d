/**
 * Opening adversarial mail in the real renderer (production build, Chromium, the real bridge
 * and router): time from the click on its row to the message shown (its sandboxed frame
 * loaded, or the "too large to display" view), and the longest main-thread task meanwhile.
 * Each must open in well under a second (issue 10). Prints one JSON object.
 * Run: npx tsx bench/hostile-open.ts [runs] [name,name,…]
 */
import type { MessageDetail, ThreadDetail } from '../common/mail-types';
import { launchBenchApp, percentile, syntheticRouter, syntheticRows } from './renderer-support';

const RUNS = Number(process.argv[2] ?? 3);
const BUDGET_MS = 1000;

const spaces = (n: number) => ' '.repeat(n);
const INPUTS: Record<string, string> = {
  urlThenSpacesInStyle: `<style>p{background:url(${spaces(6000)}}</style><p>hello</p>`,
  urlThenSpacesInAttribute: `<p style="background:url(${spaces(6000)}x">hello</p>`,
  escapedCssMegabyte: `<style>${'p{background:\\5c 75rl(http://t.example/a.png)}'.repeat(20_000)}</style><p>hello</p>`,
  html1_9MB: `<div>${'<p>Some ordinary newsletter text, a line of it.</p>'.repeat(38_000)}</div>`,
  nested29kDivs: `${'<div>'.repeat(29_000)}deep${'</div>'.repeat(29_000)}`,
  flat29kDivs: '<div>a</div>'.repeat(29_000),
  nested500Divs: `${'<div>'.repeat(500)}deep${'</div>'.repeat(500)}`,
  html10MB: '<p>x</p>'.repeat(1_310_720),
  nested100kDivs: `${'<div>'.repeat(100_000)}deep`,
};

function detail(i: number, html: string, row: ReturnType<typeof syntheticRows>[number]): MessageDetail {
  return {
    ...row,
    id: `m${i}`,
    threadId: `t${i}`,
    cc: [],
    bcc: [],
    replyTo: [],
    date: new Date(row.internalDate).toUTCString(),
    messageIdHeader: `<m${i}@bench>`,
    listId: '',
    html,
    text: null,
    attachments: [],
  };
}

async function main(): Promise<void> {
  const only = process.argv[3]?.split(',');
  const names = Object.keys(INPUTS).filter((n) => !only || only.includes(n));
  const rows = syntheticRows(names.length).map((r, i) => ({ ...r, id: `m${i}`, threadId: `t${i}`, subject: names[i]!, threadCount: 1 }));
  const threads = new Map<string, ThreadDetail>(
    names.map((name, i) => [`t${i}`, { id: `t${i}`, subject: name, messages: [detail(i, INPUTS[name]!, rows[i]!)] }]),
  );
  const app = await launchBenchApp(
    syntheticRouter(rows, { getThread: (_account, threadId) => threads.get(threadId) ?? { id: threadId, subject: '', messages: [] } }),
  );
  const results: Record<string, { openMs: { p50: number; max: number }; bridgeMs: number; longestTaskMs: number; shown: string }> = {};
  try {
    await app.page.waitForSelector('[role="option"][data-id]');
    await app.page.evaluate(`(() => {
      window.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
      }).observe({ type: 'longtask' });
    })()`);
    for (const [i, name] of names.entries()) {
      const times: number[] = [];
      let longest = 0;
      let shown = '';
      for (let run = 0; run < RUNS; run += 1) {
        // Start from another message so each open is a fresh one.
        await app.page.locator(`[role="option"][data-id="m${(i + 1) % names.length}"]`).click();
        await app.page.waitForTimeout(300);
        await app.page.evaluate('window.__longest = 0');
        const started = Date.now();
        await app.page.locator(`[role="option"][data-id="m${i}"]`).click();
        const handle = await app.page.waitForFunction(
          () => {
            const tooLarge = document.querySelector('[data-testid="mail-too-large"]');
            if (tooLarge) return 'too-large';
            const frame = document.querySelector<HTMLIFrameElement>('[data-testid="mail-frame"]');
            return frame?.contentDocument?.readyState === 'complete' && frame.contentDocument.body ? 'frame' : false;
          },
          undefined,
          { timeout: 60_000, polling: 16 },
        );
        times.push(Date.now() - started);
        shown = String(await handle.jsonValue());
        longest = Math.max(longest, Number(await app.page.evaluate('window.__longest')));
      }
      // The test bridge (a Playwright binding) carries the body far slower than Electron's IPC:
      // its share of openMs, measured alone, so the renderer's own cost can be read off.
      const bridgeMs = Number(
        await app.page.evaluate(
          `(async () => { const t = performance.now(); await window.skimmer.getThread('bench', 't${i}'); return Math.round(performance.now() - t); })()`,
        ),
      );
      results[name] = { openMs: { p50: percentile(times, 50), max: percentile(times, 100) }, bridgeMs, longestTaskMs: Math.round(longest), shown };
    }
  } finally {
    await app.close();
  }
  const over = Object.entries(results)
    .filter(([, r]) => r.openMs.max > BUDGET_MS)
    .map(([n]) => n);
  console.log(JSON.stringify({ bench: 'hostile-open', runs: RUNS, budgetMs: BUDGET_MS, results, overBudget: over }));
}

await main();
