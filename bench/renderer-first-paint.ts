/**
 * Renderer first paint: time from the window's load event (and from navigation start)
 * to the first message rows painted, answered instantly as from the local cache.
 * Budget (DESIGN.md): first list paint <= 300 ms after the window loads.
 * Run: npx tsx bench/renderer-first-paint.ts [runs]   -> prints one JSON object.
 */
import { launchBenchApp, percentile, syntheticRouter, syntheticRows } from './renderer-support';

const RUNS = Number(process.argv[2] ?? 10);
const BUDGET_MS = 300;

const PROBE = `(() => {
  window.addEventListener('load', () => { window.__benchLoadAt = performance.now(); });
  const check = () => {
    if (document.querySelector('[role="option"][data-id]')) {
      requestAnimationFrame(() => requestAnimationFrame(() => { window.__benchRowsPaintedAt = performance.now(); }));
      return true;
    }
    return false;
  };
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { childList: true, subtree: true }));
})();`;

async function main(): Promise<void> {
  const rows = syntheticRows(100_000);
  const router = syntheticRouter(rows);
  const sinceLoad: number[] = [];
  const sinceNavigation: number[] = [];
  const app = await launchBenchApp(router);
  try {
    await app.context.addInitScript({ content: PROBE });
    for (let run = 0; run < RUNS + 1; run += 1) {
      await app.page.reload();
      await app.page.waitForFunction(() => (window as unknown as { __benchRowsPaintedAt?: number }).__benchRowsPaintedAt !== undefined, undefined, {
        timeout: 30_000,
      });
      const t = await app.page.evaluate(() => {
        const w = window as unknown as { __benchLoadAt: number; __benchRowsPaintedAt: number };
        return { load: w.__benchLoadAt, rows: w.__benchRowsPaintedAt };
      });
      if (run === 0) continue; // warm-up (cold disk cache, JIT)
      sinceLoad.push(Math.max(0, t.rows - t.load));
      sinceNavigation.push(t.rows);
    }
    const domRows = await app.page.locator('[role="option"]').count();
    // The test bridge (Playwright binding) is far slower than Electron's IPC: measure one
    // round trip so the numbers above can be read against it (two sit on the first-paint path).
    const rtts = (await app.page.evaluate(`(async () => {
      const out = [];
      for (let i = 0; i < 20; i += 1) { const t = performance.now(); await window.skimmer.getAppInfo(); out.push(performance.now() - t); }
      return out;
    })()`)) as number[];
    const result = {
      bench: 'renderer-first-paint',
      runs: RUNS,
      mailboxRows: rows.length,
      pageSize: 100,
      msFromLoadToRowsPainted: { p50: percentile(sinceLoad, 50), p95: percentile(sinceLoad, 95), max: percentile(sinceLoad, 100) },
      msFromNavigationToRowsPainted: { p50: percentile(sinceNavigation, 50), p95: percentile(sinceNavigation, 95), max: percentile(sinceNavigation, 100) },
      domRowsAfterPaint: domRows,
      bridgeRoundTripMs: { p50: percentile(rtts, 50), p95: percentile(rtts, 95) },
      budgetMs: BUDGET_MS,
      withinBudget: percentile(sinceLoad, 95) <= BUDGET_MS,
    };
    console.log(JSON.stringify(result));
  } finally {
    await app.close();
  }
}

await main();
