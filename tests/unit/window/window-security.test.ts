import { describe, expect, it } from 'vitest';
import { APP_CONTENT_SECURITY_POLICY, APP_SECURITY_HEADERS, isSafeExternalUrl } from '../../../main/security/csp';
import { isAppPageUrl, resolveAppAsset } from '../../../main/window/app-assets';
import { createMainWindowOptions } from '../../../main/window/window-options';

function parseCsp(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe('BrowserWindow options follow the security rules', () => {
  const options = createMainWindowOptions('/app/out/preload/preload.cjs', { width: 1000, height: 700 });
  const prefs = options.webPreferences!;

  it('isolates and sandboxes the renderer with no Node', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.enableBlinkFeatures).toBe('');
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('loads the CommonJS preload bundle', () => {
    expect(prefs.preload).toMatch(/preload\.cjs$/);
  });
});

describe('Content-Security-Policy', () => {
  const csp = parseCsp(APP_CONTENT_SECURITY_POLICY);

  it('denies by default and runs only the bundled script', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(APP_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('allows no remote origin anywhere but images (for "Show images") and no plugins, forms or base changes', () => {
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'https:', 'http:']);
    for (const [directive, values] of csp) {
      if (directive === 'img-src') continue;
      for (const value of values) {
        expect(value, `${directive} ${value}`).not.toMatch(/^(https?:|\*|wss?:|http)/);
      }
    }
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'none'"]);
    // pdf.js's worker, a file of the bundle: no blob: or data: workers.
    expect(csp.get('worker-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('is sent as a header with nosniff and no referrer', () => {
    expect(APP_SECURITY_HEADERS['Content-Security-Policy']).toBe(APP_CONTENT_SECURITY_POLICY);
    expect(APP_SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(APP_SECURITY_HEADERS['Referrer-Policy']).toBe('no-referrer');
  });
});

describe('external links', () => {
  it.each(['https://mail.google.com/', 'http://example.com/a?b=c'])('opens %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });
  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'app://skimmer/index.html',
    'smb://host/share',
    'data:text/html,hi',
    'https://user:pass@example.com/',
    'not a url',
    'vbscript:msgbox',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('app:// assets', () => {
  const root = '/opt/skimmer/out/renderer';
  it('serves files inside the renderer folder with a MIME type', () => {
    expect(resolveAppAsset(root, 'app://skimmer/index.html')).toEqual({ filePath: `${root}/index.html`, mimeType: 'text/html; charset=utf-8' });
    expect(resolveAppAsset(root, 'app://skimmer/assets/a.js')?.mimeType).toMatch(/javascript/);
  });
  it.each([
    'app://skimmer/../../etc/passwd',
    'app://skimmer/%2e%2e/%2e%2e/etc/passwd',
    'app://skimmer/assets/..%2f..%2f..%2fsecret.js',
    'app://other/index.html',
    'app://skimmer/bin/tool.exe',
    'app://skimmer/%00.html',
  ])('refuses %s', (url) => {
    expect(resolveAppAsset(root, url)).toBeNull();
  });
  it('recognises the app page as a trusted sender and nothing else', () => {
    expect(isAppPageUrl('app://skimmer/index.html')).toBe(true);
    expect(isAppPageUrl('app://skimmer.evil/index.html')).toBe(false);
    expect(isAppPageUrl('https://skimmer/index.html')).toBe(false);
    expect(isAppPageUrl('about:srcdoc')).toBe(false);
  });
});

describe('navigation policy', () => {
  it('never opens a window; web links go to the system browser, others nowhere', async () => {
    const { decideWindowOpen, allowNavigation, allowPermission } = await import('../../../main/security/navigation-policy');
    expect(decideWindowOpen('https://example.com/x')).toEqual({ action: 'deny', openExternally: 'https://example.com/x' });
    expect(decideWindowOpen('javascript:alert(1)')).toEqual({ action: 'deny', openExternally: null });
    expect(decideWindowOpen('file:///etc/passwd')).toEqual({ action: 'deny', openExternally: null });
    expect(allowNavigation('https://evil.example/')).toBe(false);
    expect(allowNavigation('app://skimmer/index.html')).toBe(false);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      expect(allowPermission(permission)).toBe(false);
    }
  });
});
