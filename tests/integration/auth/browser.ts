// The test plays the person's browser against the emulator's consent page.

export interface ConsentChoice {
  decision?: 'allow' | 'deny';
  /** Which account to pick on the consent page (default: the pre-selected one). */
  account?: string;
  /** Untick these optional scopes. */
  untick?: string[];
}

export interface ConsentOutcome {
  /** Where the emulator redirected (the loopback callback URL), or null if it did not. */
  location: string | null;
  consentStatus: number;
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeEntities(m[1] ?? '') : null;
}

function decodeEntities(s: string): string {
  return s.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|#39|apos);/gi, (all, e: string) => {
    const map: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };
    if (map[e.toLowerCase()]) return map[e.toLowerCase()]!;
    if (e[0] === '#') return String.fromCodePoint(e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return all;
  });
}

/** GET the auth URL, fill in the consent form like a person would, POST it; return the 302 target. */
export async function consent(authUrl: string, choice: ConsentChoice = {}): Promise<ConsentOutcome> {
  const page = await fetch(authUrl, { redirect: 'manual' });
  if (page.status === 302) return { location: page.headers.get('location'), consentStatus: 302 };
  const html = await page.text();
  const form = /<form[^>]*>/.exec(html)?.[0];
  if (!form) return { location: null, consentStatus: page.status };
  const action = new URL(attr(form, 'action') ?? '', authUrl);
  const body = new URLSearchParams();
  for (const m of html.matchAll(/<input[^>]*>/g)) {
    const tag = m[0];
    const name = attr(tag, 'name');
    const value = attr(tag, 'value') ?? '';
    const type = attr(tag, 'type') ?? 'text';
    if (!name) continue;
    if (type === 'radio') {
      const pick = choice.account ? value.toLowerCase() === choice.account.toLowerCase() : /\schecked/.test(tag);
      if (pick) body.append(name, value);
    } else if (type === 'checkbox') {
      if (/\schecked/.test(tag) && !choice.untick?.includes(value)) body.append(name, value);
    } else {
      body.append(name, value);
    }
  }
  body.append('decision', choice.decision ?? 'allow');
  const res = await fetch(action, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
    redirect: 'manual',
  });
  return { location: res.headers.get('location'), consentStatus: res.status };
}

/** Consent, then follow the 302 to the app's loopback listener; returns the result page. */
export async function playBrowser(authUrl: string, choice: ConsentChoice = {}): Promise<{ status: number; body: string; location: string }> {
  const { location, consentStatus } = await consent(authUrl, choice);
  if (!location) throw new Error(`The consent page did not redirect (HTTP ${consentStatus}).`);
  const res = await fetch(location);
  return { status: res.status, body: await res.text(), location };
}

/** An openExternal that records URLs; `next()` hands them to the test one at a time. */
export function recordingOpener() {
  const urls: string[] = [];
  const waiters: ((u: string) => void)[] = [];
  let taken = 0;
  return {
    urls,
    openExternal: (url: string) => {
      urls.push(url);
      const w = waiters.shift();
      if (w) {
        taken += 1;
        w(url);
      }
    },
    next(): Promise<string> {
      if (urls.length > taken) return Promise.resolve(urls[taken++]!);
      return new Promise((r) => waiters.push(r));
    },
  };
}
