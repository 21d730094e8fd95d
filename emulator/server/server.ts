/** The node:http transport: loopback only, bounded bodies, faults that drop connections, never crashes. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmuRequest, EmuResponse } from './http';
import { errorToResponse } from './http';
import { errors } from './errors';

export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface HttpServer {
  server: http.Server;
  port: number;
  close(): Promise<void>;
}

export async function listen(
  dispatch: (req: EmuRequest) => Promise<EmuResponse>,
  opts: { port?: number; host?: string; log?: (line: string) => void } = {},
): Promise<HttpServer> {
  const host = opts.host ?? '127.0.0.1';
  if (host !== '127.0.0.1' && host !== '::1' && host !== 'localhost') throw new Error('The emulator listens on loopback only.');
  const sockets = new Set<import('node:net').Socket>();

  const server = http.createServer({ keepAliveTimeout: 30_000, requestTimeout: 120_000 }, (req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) tooBig = true;
      else chunks.push(c);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      void (async () => {
        let out: EmuResponse;
        try {
          if (tooBig) {
            out = errorToResponse(errors.payloadTooLarge());
          } else {
            let url: URL;
            try {
              url = new URL(req.url ?? '/', 'http://127.0.0.1');
            } catch {
              url = new URL('http://127.0.0.1/__invalid__');
            }
            let path = url.pathname;
            // Collapse duplicate slashes ("//gmail/v1") the way Google's front end tolerates them.
            path = path.replace(/\/{2,}/g, '/');
            out = await dispatch({
              method: (req.method ?? 'GET').toUpperCase(),
              path,
              query: url.searchParams,
              headers: req.headers,
              body: Buffer.concat(chunks),
              remoteAddress: req.socket.remoteAddress ?? '',
            });
          }
        } catch (e) {
          out = errorToResponse(e);
        }
        if (out.drop) {
          req.socket.destroy();
          return;
        }
        if (res.destroyed) return;
        const body = typeof out.body === 'string' ? Buffer.from(out.body) : out.body;
        const headers: Record<string, string | number> = { ...out.headers, 'Content-Length': body.length };
        if (!('Date' in headers)) headers.Date = new Date().toUTCString();
        headers.Server = 'ESF';
        headers['X-Content-Type-Options'] = 'nosniff';
        try {
          res.writeHead(out.status, headers);
          res.end(req.method === 'HEAD' ? undefined : body);
        } catch {
          res.destroy();
        }
        if (opts.log) opts.log(`${req.method} ${req.url} ${out.status}`);
      })();
    });
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
