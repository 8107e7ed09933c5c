#!/usr/bin/env node
/**
 * Serves the demo: `demo/` and the built `dist/` from this folder, on loopback only. The same files
 * answer on http://localhost:PORT and http://127.0.0.1:PORT, which browsers treat as two origins —
 * the gadget demo embeds the widgets from one and drives them from the other.
 * Usage: node scripts/serve.mjs [--port 8000]   (PORT in the environment works too)
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const served = ['demo', 'dist'];
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

const argPort = process.argv.indexOf('--port');
const wanted = Number(argPort > 0 ? process.argv[argPort + 1] : process.env.PORT ?? 8000);

/** The files a URL path may name: only below demo/ or dist/, never outside them. */
function fileFor(urlPath) {
  const path = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  const top = path.split(/[/\\]/)[0];
  if (!served.includes(top)) return undefined;
  const full = resolve(root, path);
  return full.startsWith(join(root, top) + sep) || full === join(root, top) ? full : undefined;
}

function headersFor(file, port) {
  const headers = {
    'Content-Type': types[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
  // The gadget may be framed only by the pages its deployment allows (here: the demo's own two origins).
  if (file.endsWith(`${sep}gadget.html`)) {
    headers['Content-Security-Policy'] = `frame-ancestors 'self' http://localhost:${port} http://127.0.0.1:${port}`;
  }
  return headers;
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/' || url.pathname === '/demo') {
      res.writeHead(302, { Location: '/demo/' }).end();
      return;
    }
    let file = fileFor(url.pathname);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    if ((await stat(file).catch(() => undefined))?.isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    res.writeHead(200, headersFor(file, server.address().port)).end(body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
  }
});

function listen(port, attemptsLeft) {
  server.once('error', (error) => {
    if (error.code === 'EADDRINUSE' && attemptsLeft > 0) listen(port + 1, attemptsLeft - 1);
    else throw error;
  });
  // 127.0.0.1 answers to both names (localhost resolves to it), so one socket serves both origins.
  server.listen(port, '127.0.0.1', () => {
    const { port: p } = server.address();
    console.log(`cc-elements demo is running:
  Mock CRM (script tag, simulated contact center):  http://localhost:${p}/demo/
  Third-party workspace driving the gadget:         http://localhost:${p}/demo/workspace.html
  Gallery (every element, light/dark, languages):   http://localhost:${p}/demo/gallery.html
Press Ctrl+C to stop.`);
  });
}
listen(wanted, 20);
