// How the Firefox bench serves its pages offline: Firefox is pointed at a proxy on loopback for
// every http(s) request (its network.proxy.* prefs), and this proxy answers from fixtures with the
// suites' offline rule (`offlineAnswer`, the saved pages at their real URLs). It never opens a
// connection of its own, so nothing reaches the network. An https request comes as CONNECT: the
// proxy ends the tunnel itself with a certificate made for this run (openssl, self-signed; the
// Marionette session accepts it with `acceptInsecureCerts`), so the page keeps its real https URL,
// which the extension's content script and host permissions match. Reader View's `about:reader?url=`
// fetches the page again through the same proxy, as it would fetch it from the BBC.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { offlineAnswer } from '../e2e/support/pages.ts';

export interface LoopbackProxy {
  port: number;
  /** URLs answered with a page or an image. */
  served: ReadonlySet<string>;
  /** URLs refused (not a fixture: Firefox's own background requests, the pages' scripts). */
  refused: ReadonlySet<string>;
  close(): Promise<void>;
}

/** A key and self-signed certificate for the BBC hosts, made with openssl for this run only. */
function makeCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'qingdu-bench-tls-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=www.bbc.com',
      '-addext', 'subjectAltName=DNS:www.bbc.com,DNS:www.bbc.co.uk,DNS:*.bbc.com,DNS:*.bbc.co.uk',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startLoopbackProxy(extra: ReadonlyMap<string, string> = new Map()): Promise<LoopbackProxy> {
  const served = new Set<string>();
  const refused = new Set<string>();
  const sockets = new Set<Socket>();

  const answer = (url: string, request: IncomingMessage, response: ServerResponse): void => {
    const html = extra.get(url);
    if (html !== undefined) {
      served.add(url);
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      return;
    }
    const reply = offlineAnswer(url, /^image\//.test(request.headers.accept ?? '') ? 'image' : undefined);
    switch (reply.kind) {
      case 'page':
      case 'image':
        served.add(url);
        response.writeHead(200, { 'content-type': reply.contentType, 'content-length': reply.body.length }).end(reply.body);
        return;
      case 'redirect':
        served.add(url);
        response.writeHead(301, { location: reply.location }).end();
        return;
      case 'refuse':
        refused.add(url);
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not served by the bench');
    }
  };

  const tls = createHttpsServer(makeCertificate(), (request, response) => answer(`https://${request.headers.host ?? ''}${request.url ?? '/'}`, request, response));
  // Plain http through a proxy: the request line carries the whole URL.
  const proxy = createServer((request, response) => answer(request.url ?? '', request, response));
  proxy.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  proxy.on('connect', (_request: IncomingMessage, socket: Socket, head: Buffer) => {
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    tls.emit('connection', socket);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as AddressInfo).port,
    served,
    refused,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      tls.close();
    },
  };
}

/** Firefox prefs that send every http(s) request, loopback included, through the proxy. */
export function proxyPrefs(port: number): Record<string, string | number | boolean> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    // No DNS over HTTPS, no prefetching, no connectivity probes: nothing tries another way out.
    'network.trr.mode': 5,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.predictor.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
  };
}
