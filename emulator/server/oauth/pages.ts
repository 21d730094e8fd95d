/** The consent page and the "Access blocked" error page. Self-contained HTML, no external resources. */
import { escapeHtml } from '../http';
import { describeScope, isIdentityScope } from './scopes';

// Four dots, 11 px apart, in Google's colours.
const DOTS = ['#4285F4', '#EA4335', '#FBBC05', '#34A853'].map((fill, i) => `<circle cx="${6 + 11 * i}" cy="6" r="5" fill="${fill}"/>`).join('');
const LOGO = `<svg width="44" height="12" viewBox="0 0 44 12" aria-hidden="true">${DOTS}</svg><span class="mark">Accounts</span>`;

const CSS = `
*{box-sizing:border-box}
body{margin:0;background:#f0f4f9;font-family:"Google Sans",Roboto,Arial,Helvetica,sans-serif;color:#1f1f1f;
  display:flex;min-height:100vh;align-items:center;justify-content:center}
.card{background:#fff;border-radius:28px;padding:36px 40px 28px;width:100%;max-width:560px;margin:24px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.brand{display:flex;align-items:center;gap:10px;color:#444746;font-size:14px}
.mark{font-size:18px;color:#444746}
.badge{font-size:11px;background:#e8f0fe;color:#0b57d0;border-radius:10px;padding:2px 8px}
h1{font-weight:400;font-size:28px;line-height:36px;margin:20px 0 8px}
.sub{color:#444746;font-size:15px;margin:0 0 20px}
.app{font-weight:500;color:#0b57d0}
fieldset{border:0;margin:0 0 18px;padding:0}
legend{font-size:14px;font-weight:500;color:#444746;margin-bottom:8px}
.acct{display:flex;align-items:center;gap:12px;border:1px solid #c4c7c5;border-radius:12px;padding:10px 14px;margin-bottom:8px;cursor:pointer}
.acct:hover{background:#f8fafd}
.acct input{accent-color:#0b57d0}
.avatar{width:32px;height:32px;border-radius:50%;color:#fff;display:flex;align-items:center;justify-content:center;font-weight:500}
.who{display:flex;flex-direction:column;font-size:14px}
.who small{color:#444746}
ul.scopes{list-style:none;padding:0;margin:0}
ul.scopes li{display:flex;gap:12px;align-items:flex-start;padding:10px 0;border-bottom:1px solid #e3e3e3;font-size:14px}
ul.scopes li:last-child{border-bottom:0}
ul.scopes small{display:block;color:#444746;margin-top:2px}
.note{font-size:12px;color:#444746;line-height:18px;margin:16px 0 0}
.actions{display:flex;justify-content:flex-end;gap:12px;margin-top:24px}
button{font:inherit;font-size:14px;font-weight:500;border-radius:20px;padding:10px 24px;cursor:pointer;border:0}
button.deny{background:transparent;color:#0b57d0}
button.deny:hover{background:#f0f4f9}
button.allow{background:#0b57d0;color:#fff}
button.allow:hover{background:#0a4ebf}
.err h1{color:#b3261e}
.code{font-family:ui-monospace,Menlo,Consolas,monospace;background:#f8fafd;border-radius:8px;padding:10px 12px;font-size:13px;word-break:break-all}
footer{display:flex;justify-content:space-between;color:#444746;font-size:12px;margin-top:28px}
`;

const COLORS = ['#1a73e8', '#d93025', '#188038', '#e37400', '#9334e6', '#007b83'];

function page(title: string, inner: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${CSS}</style></head>
<body><main class="card">
<div class="brand">${LOGO}<span class="badge">local emulator, not Google</span></div>
${inner}
<footer><span>English (United Kingdom)</span><span>Local emulator on 127.0.0.1 &middot; no data leaves this machine</span></footer>
</main></body></html>`;
}

export interface ConsentPageInput {
  requestId: string;
  action: string;
  appName: string;
  accounts: { email: string; name: string }[];
  selected: string;
  scopes: string[];
}

export function consentPage(input: ConsentPageInput): string {
  const accounts = input.accounts
    .map((a, i) => {
      const initial = escapeHtml((a.name[0] ?? a.email[0] ?? '?').toUpperCase());
      const checked = a.email.toLowerCase() === input.selected.toLowerCase() ? ' checked' : '';
      return `<label class="acct"><input type="radio" name="account" value="${escapeHtml(a.email)}"${checked} required>
<span class="avatar" style="background:${COLORS[i % COLORS.length]}">${initial}</span>
<span class="who"><span>${escapeHtml(a.name)}</span><small>${escapeHtml(a.email)}</small></span></label>`;
    })
    .join('\n');
  const scopes = input.scopes
    .map((s) => {
      const d = describeScope(s);
      const box = isIdentityScope(s)
        ? `<input type="hidden" name="scope" value="${escapeHtml(s)}"><span aria-hidden="true">&#10003;</span>`
        : `<input type="checkbox" name="scope" value="${escapeHtml(s)}" checked aria-label="${escapeHtml(d.title)}">`;
      return `<li>${box}<span>${escapeHtml(d.title)}${d.detail ? `<small>${escapeHtml(d.detail)}</small>` : ''}</span></li>`;
    })
    .join('\n');
  return page(
    `Sign in - ${input.appName}`,
    `<h1>Choose what <span class="app">${escapeHtml(input.appName)}</span> can access</h1>
<p class="sub">Signing in to ${escapeHtml(input.appName)} with a Google Account.</p>
<form method="post" action="${escapeHtml(input.action)}">
<input type="hidden" name="request_id" value="${escapeHtml(input.requestId)}">
<input type="hidden" name="partial" value="1">
<fieldset><legend>Choose an account</legend>
${accounts}
</fieldset>
<fieldset><legend>${escapeHtml(input.appName)} wants to</legend>
<ul class="scopes">
${scopes}
</ul></fieldset>
<p class="note">Make sure that you trust ${escapeHtml(input.appName)}. You can remove its access at any time; the app keeps its cache.</p>
<div class="actions"><button class="deny" type="submit" name="decision" value="deny">Deny</button>
<button class="allow" type="submit" name="decision" value="allow">Allow</button></div>
</form>`,
  );
}

export function errorPage(status: number, code: string, description: string, details: Record<string, string> = {}): string {
  const rows = Object.entries(details)
    .map(([k, v]) => `<div>${escapeHtml(k)}: ${escapeHtml(v)}</div>`)
    .join('');
  return page(
    `Error ${status}: ${code}`,
    `<div class="err"><h1>Access blocked: Authorisation Error</h1></div>
<p class="sub">${escapeHtml(description)}</p>
<p><strong>Error ${status}: ${escapeHtml(code)}</strong></p>
${rows ? `<div class="code">Request details: ${rows}</div>` : ''}`,
  );
}
