/**
 * Content-Security-Policy for the app's own pages, sent by main as a response header.
 * The renderer runs only its bundled script, loads nothing remote and submits nothing.
 * Inline styles are allowed because sanitised mail HTML (rendered in a sandboxed
 * srcdoc frame, which inherits this policy) carries them; scripts never are.
 * Remote images are allowed here only because the mail frame inherits this policy and
 * "Show images" must work: the frame's own meta CSP keeps img-src to data: until the
 * person asks for that message, and the sanitiser strips remote URLs until then.
 * Workers may come only from the app's own files: pdf.js parses an attachment in its bundled
 * worker (assets/pdf.worker-*.mjs), never from a blob: or data: URL.
 */
export const APP_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https: http:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "media-src 'none'",
  "frame-src 'self'",
  "child-src 'self'",
  "worker-src 'self'",
  "manifest-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every app page is served with. */
export const APP_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': APP_CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Only plain web links leave the app, and only to the system browser. */
export function isSafeExternalUrl(candidate: string): boolean {
  if (candidate.length > 8192) return false;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.username || url.password) return false;
  return url.hostname.length > 0;
}
