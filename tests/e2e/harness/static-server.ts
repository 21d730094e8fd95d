// Serves the built renderer over loopback HTTP with the same security headers main
// sends for app:// pages, so the page runs under the production CSP.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { APP_SECURITY_HEADERS } from '../../../main/security/csp';
import { resolveAppAsset } from '../../../main/window/app-assets';

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

export async function startStaticServer(rendererRoot: string): Promise<StaticServer> {
  let host = '';
  const server: Server = createServer((request, response) => {
    const asset = resolveAppAsset(rendererRoot, `http://${host}${request.url ?? '/'}`, host);
    if (!asset) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    readFile(asset.filePath).then(
      (body) => response.writeHead(200, { 'Content-Type': asset.mimeType, ...APP_SECURITY_HEADERS }).end(body),
      () => response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  return {
    origin: `http://${host}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
