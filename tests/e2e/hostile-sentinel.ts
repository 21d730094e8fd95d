/**
 * The sentinel for the hostile-HTML suites: records anything that shows script ran
 * (dialogs, a hook on alert/confirm/prompt/print/open/eval installed in every frame,
 * console output from mail frames), any navigation or popup, and every network request
 * after the app finished loading. CSP refusals are counted separately: they show the
 * last line of defence was reached (the sanitiser should leave nothing for it).
 */
import type { LaunchedApp } from './harness/launch-app';

export interface SentinelReport {
  readonly executions: string[];
  readonly dialogs: string[];
  readonly popups: string[];
  readonly navigations: string[];
  readonly requests: string[];
  readonly cspRefusals: string[];
  readonly pageErrors: string[];
  readonly counts: Record<string, number>;
}

export interface Sentinel {
  startWatching(): void;
  report(): SentinelReport;
  /** Requests seen since startWatching (for "show images" checks). */
  readonly requests: string[];
}

const HOOK = `(() => {
  try {
    const hit = (what) => { try { window.top.__sentinelHit && window.top.__sentinelHit(what + ' @ ' + location.href); } catch (e) {} };
    for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
      const original = window[name];
      window[name] = function () { hit(name); return original && original.apply(this, arguments); };
    }
  } catch (e) {}
})();`;

export async function installSentinel(app: LaunchedApp): Promise<Sentinel> {
  const { page, context } = app;
  const executions: string[] = [];
  const dialogs: string[] = [];
  const popups: string[] = [];
  const navigations: string[] = [];
  const requests: string[] = [];
  const cspRefusals: string[] = [];
  const pageErrors: string[] = [];
  let watching = false;

  await context.exposeBinding('__sentinelHit', (_source, what: string) => {
    executions.push(String(what));
  });
  await context.addInitScript({ content: HOOK });
  // The hook is installed for new documents: reload so the app frame has it too.
  await page.reload();

  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  context.on('page', (p) => popups.push(p.url()));
  page.on('popup', (p) => popups.push(p.url()));
  page.on('framenavigated', (frame) => {
    if (!watching) return;
    const url = frame.url();
    if (frame === page.mainFrame() || (url !== 'about:srcdoc' && url !== 'about:blank')) navigations.push(url);
  });
  context.on('request', (request) => {
    if (watching) requests.push(`${request.method()} ${request.url()}`);
  });
  page.on('pageerror', (error) => pageErrors.push(String(error).slice(0, 500)));
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy/i.test(text)) cspRefusals.push(`${message.location().url || '(no url)'} :: ${text.slice(0, 300)}`);
    else if (watching && message.type() !== 'error' && message.type() !== 'warning') executions.push(`console.${message.type()}: ${text.slice(0, 200)}`);
  });

  return {
    requests,
    startWatching: () => {
      watching = true;
    },
    report: () => ({
      executions: [...executions],
      dialogs: [...dialogs],
      popups: [...popups],
      navigations: [...navigations],
      requests: [...requests],
      cspRefusals: [...cspRefusals],
      pageErrors: [...pageErrors],
      counts: {
        executions: executions.length,
        dialogs: dialogs.length,
        popups: popups.length,
        navigations: navigations.length,
        requests: requests.length,
        cspRefusalsInMailFrames: cspRefusals.filter((m) => m.startsWith('about:srcdoc')).length,
        cspRefusalsInSanitiserScratchDoc: cspRefusals.filter((m) => !m.startsWith('about:srcdoc')).length,
        pageErrors: pageErrors.length,
      },
    }),
  };
}

/**
 * The CSP change this UI proposes (see the report): the app page may show http(s) images,
 * so the mail frame can once the person allows them; the frame's own meta CSP keeps
 * img-src to data: until then. Applied here by rewriting the header, to test that design.
 */
export const PROPOSED_IMG_SRC = "img-src 'self' data: blob: https: http:";

export async function serveWithProposedCsp(app: LaunchedApp, basePolicy: string): Promise<string> {
  const policy = basePolicy.replace(/img-src [^;]*/, PROPOSED_IMG_SRC);
  await app.context.route(`${app.origin}/**`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
  });
  await app.page.reload();
  return policy;
}
