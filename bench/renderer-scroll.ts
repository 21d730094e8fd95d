/**
 * Renderer scrolling: frame times while scrolling a 10k-row list top to bottom (pages
 * arrive by infinite scroll, as in the app), the most rows ever in the DOM, and the JS heap.
 * Budgets (DESIGN.md): DOM rows bounded (virtual), heap <= 150 MB; 60 fps = 16.7 ms frames.
 * Run: npx tsx bench/renderer-scroll.ts [rows] [pxPerFrame]   -> prints one JSON object.
 */
import { launchBenchApp, percentile, syntheticRouter, syntheticRows } from './renderer-support';

const ROWS = Number(process.argv[2] ?? 10_000);
const PX_PER_FRAME = Number(process.argv[3] ?? 400);

const SCROLL_SOURCE = `async (total, step) => {
  const list = document.querySelector('[data-testid="message-list"]');
  const frames = [];
  let maxDomRows = 0;
  let last = performance.now();
  let stalled = 0;
  await new Promise((resolve) => {
    const tick = (now) => {
      frames.push(now - last);
      last = now;
      maxDomRows = Math.max(maxDomRows, list.querySelectorAll('[role="option"]').length);
      const before = list.scrollTop;
      list.scrollTop = before + step;
      if (list.querySelector('[role="option"][data-index="' + (total - 1) + '"]')) return resolve();
      stalled = list.scrollTop === before ? stalled + 1 : 0;
      if (stalled > 600) return resolve();
      requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => { last = now; requestAnimationFrame(tick); });
  });
  return { frames: frames.slice(1), maxDomRows, reachedEnd: list.querySelector('[data-index="' + (total - 1) + '"]') !== null };
}`;

async function main(): Promise<void> {
  const rows = syntheticRows(ROWS);
  const app = await launchBenchApp(syntheticRouter(rows));
  try {
    const { page } = app;
    await page.getByTestId('message-list').waitFor();
    const cdp = await app.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const started = Date.now();
    // Passed as source text: tsx would otherwise inject its __name helper into the page.
    const result = (await page.evaluate(`(${SCROLL_SOURCE})(${ROWS}, ${PX_PER_FRAME})`)) as {
      frames: number[];
      maxDomRows: number;
      reachedEnd: boolean;
    };
    const metrics = (await cdp.send('Performance.getMetrics')).metrics;
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    const frames = result.frames;
    console.log(
      JSON.stringify({
        bench: 'renderer-scroll',
        rows: ROWS,
        pxPerFrame: PX_PER_FRAME,
        reachedEnd: result.reachedEnd,
        frames: frames.length,
        wallMs: Date.now() - started,
        frameMs: {
          p50: percentile(frames, 50),
          p95: percentile(frames, 95),
          p99: percentile(frames, 99),
          max: percentile(frames, 100),
        },
        framesOver20ms: frames.filter((f) => f > 20).length,
        framesOver50ms: frames.filter((f) => f > 50).length,
        maxDomRows: result.maxDomRows,
        jsHeapUsedMB: Math.round((heap / 1024 / 1024) * 10) / 10,
        note: 'headless Chromium, software rendering (--disable-gpu), 2 shared cores',
      }),
    );
  } finally {
    await app.close();
  }
}

await main();
