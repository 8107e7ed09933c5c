/**
 * connectWebex, the one-liner for hosts with only an access token: it checks its input at once,
 * and on connect initialises the real SDK (Webex.init → ready) and registers. Offline, register's
 * websocket subscription cannot succeed: the desk is told plainly (CONNECTION, disconnected).
 * This file is its own page, so its SDK instance is the only one here.
 */
import { expect } from '@open-wc/testing';
import { connectWebex } from '../../../src/backends/webex/index.js';
import type { ConnectionState } from '../../../src/model/domain.js';
import { loadWebexUmd } from './sdk-harness.js';

describe('connectWebex', () => {
  it('refuses a missing token and a phone login without a number, before anything else', () => {
    expect(() => connectWebex({ accessToken: '' })).to.throw(TypeError, /accessToken/);
    expect(() => connectWebex({ accessToken: 'token', loginOption: 'EXTENSION' })).to.throw(TypeError, /dialNumber/);
  });

  it('without the SDK on the page: connect fails with CONNECTION and says what to load', async () => {
    const backend = connectWebex({ accessToken: 'token', Webex: undefined });
    const states: ConnectionState[] = [];
    backend.connection$.subscribe((c) => states.push(c));
    const saved = window.Webex;
    window.Webex = undefined;
    try {
      const error = await backend.connect().catch((e: { code: string; message: string }) => e);
      expect(error).to.include({ code: 'CONNECTION' });
      expect((error as { message: string }).message).to.contain('UMD script');
    } finally {
      window.Webex = saved;
    }
    expect(states.map((s) => s.status)).to.deep.equal(['disconnected', 'connecting', 'disconnected']);
  });

  it('initialises the real SDK and registers; offline the registration fails as a CONNECTION error', async function () {
    this.timeout(60_000);
    const Webex = await loadWebexUmd();
    let initialised: { cc: { register(): Promise<unknown> } } | undefined;
    const spy = { init: (attrs: Parameters<typeof Webex.init>[0]) => (initialised = Webex.init(attrs) as never) } as typeof Webex;
    const backend = connectWebex({ accessToken: 'b2ZmbGluZQ_PF84_1eb65fdf-9643-417f-9974-ad72cae0e10f', Webex: spy, config: { logger: { level: 'error' } } });
    const states: string[] = [];
    backend.connection$.subscribe((c) => states.push(c.status));
    const error = await backend.connect().catch((e: { code: string }) => e);
    expect(initialised?.cc).to.equal(backend.cc);
    expect(error).to.include({ code: 'CONNECTION' });
    expect(states).to.deep.equal(['disconnected', 'connecting', 'disconnected']);
  });
});
