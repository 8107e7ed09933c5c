/**
 * A small static file server on loopback for the demo, the end-to-end check and the benchmarks.
 * Serves only the named top-level folders of the project; the same files answer on
 * http://localhost:PORT and http://127.0.0.1:PORT (two origins for the cross-frame pages).
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Start serving. Resolves with `{ server, port, close() }` once listening.
 * @param {{ dirs: string[], port?: number, index?: string, isolated?: boolean,
 *   routes?: Record<string, (port: number) => { type: string, body: string }> }} options
 *   `dirs`: the top-level folders served; `index`: where `/` redirects; `routes`: generated files;
 *   `isolated`: serve pages cross-origin isolated (COOP + COEP), so `performance.now()` has
 *   microsecond resolution instead of 100 µs.
 */
export function startStaticServer({ dirs, port = 0, index, routes = {}, isolated = false }) {
  const fileFor = (urlPath) => {
    const path = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
    const top = path.split(/[/\\]/)[0];
    if (!dirs.includes(top)) return undefined;
    const full = resolve(projectRoot, path);
    const base = join(projectRoot, top);
    return full === base || full.startsWith(base + sep) ? full : undefined;
  };
  const headersFor = (file, actualPort) => {
    const headers = {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    };
    if (isolated) {
      headers['Cross-Origin-Opener-Policy'] = 'same-origin';
      headers['Cross-Origin-Embedder-Policy'] = 'require-corp';
    }
    // The gadget may be framed only by the pages its deployment allows: here the two local origins.
    if (file.endsWith(`${sep}gadget.html`)) {
      headers['Content-Security-Policy'] =
        `frame-ancestors 'self' http://localhost:${actualPort} http://127.0.0.1:${actualPort}`;
    }
    return headers;
  };

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const actualPort = server.address().port;
      if (index && url.pathname === '/') {
        res.writeHead(302, { Location: index }).end();
        return;
      }
      const route = routes[url.pathname];
      if (route) {
        const { type, body } = route(actualPort);
        res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
        return;
      }
      let file = fileFor(url.pathname);
      if (!file) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
        return;
      }
      if ((await stat(file).catch(() => undefined))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, headersFor(file, actualPort)).end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  });

  return new Promise((resolvePromise, reject) => {
    const listen = (p, attemptsLeft) => {
      server.once('error', (error) => {
        if (error.code === 'EADDRINUSE' && attemptsLeft > 0 && p !== 0) listen(p + 1, attemptsLeft - 1);
        else reject(error);
      });
      // 127.0.0.1 answers to both names (localhost resolves to it), so one socket serves both origins.
      server.listen(p, '127.0.0.1', () => {
        const actual = server.address().port;
        resolvePromise({ server, port: actual, close: () => new Promise((done) => server.close(() => done())) });
      });
    };
    listen(port, 20);
  });
}
