#!/usr/bin/env node
/**
 * Serves the demo (`demo/` and the built `dist/`) on loopback and prints the URLs.
 * Usage: node scripts/serve.mjs [--port 8000]   (PORT in the environment works too)
 */
import { startStaticServer } from './static-server.mjs';

const argPort = process.argv.indexOf('--port');
const port = Number(argPort > 0 ? process.argv[argPort + 1] : (process.env.PORT ?? 8000));

const { port: p } = await startStaticServer({
  dirs: ['demo', 'dist'],
  port,
  index: '/demo/',
  routes: {
    // The demo deployment's gadget configuration: the workspace page on the other origin may drive it.
    '/dist/gadget.config.json': (actual) => ({
      type: 'application/json; charset=utf-8',
      body: JSON.stringify({
        origins: [`http://127.0.0.1:${actual}`, `http://localhost:${actual}`],
        // The simulated contact center routes contacts to the agent by itself once Available. The
        // workspace page may open itself in a desk dialog and read two options (PROTOCOL.md).
        provider: {
          'bridge-dialog-origins': `http://127.0.0.1:${actual} http://localhost:${actual}`,
          'bridge-options': JSON.stringify({ 'voice.dial-prefix': '0', 'crm.case-url': 'https://crm.example/case/' }),
        },
      }),
    }),
  },
});
console.log(`cc-elements demo is running:
  Mock CRM (script tag, simulated contact center):  http://localhost:${p}/demo/
  Third-party workspace driving the gadget:         http://127.0.0.1:${p}/demo/workspace.html
  Gallery (every element, light/dark, languages):   http://localhost:${p}/demo/gallery.html
Press Ctrl+C to stop.`);
