/**
 * `connectWebex`: the Webex backend for a host that has only an access token. It initialises
 * the SDK (`Webex.init` → `ready`), registers and logs the agent in when the desk connects.
 * @module
 */
import { WebexContactCenter, type WebexLoginOptions } from './webex-contact-center.js';
import type { WebexCc, WebexStatic } from './sdk.js';

export interface ConnectWebexOptions extends Partial<WebexLoginOptions> {
  /** A Webex access token with the Contact Center scopes. */
  accessToken: string;
  /** The SDK's default export; defaults to `window.Webex` (the UMD build's global). */
  Webex?: WebexStatic;
  /** More SDK configuration, merged under `config` (e.g. `{ logger: { level: 'info' }, cc: { allowMultiLogin: true } }`). */
  config?: Record<string, unknown>;
}

/** Resolve once the SDK instance is ready. */
function whenReady(webex: { ready?: boolean; once(event: 'ready', listener: () => void): void }): Promise<void> {
  return webex.ready ? Promise.resolve() : new Promise((resolve) => webex.once('ready', () => resolve()));
}

/**
 * A Webex Contact Center backend from an access token:
 * `provider.backend = connectWebex({ accessToken, loginOption: 'BROWSER' })`.
 * Nothing happens until the provider connects it; then the SDK is initialised, the agent
 * registered and, unless already logged in (a reload), logged in with `loginOption`
 * (BROWSER by default; EXTENSION and AGENT_DN need `dialNumber`) to `teamId` (default: the first team).
 */
export function connectWebex(options: ConnectWebexOptions): WebexContactCenter {
  const { accessToken, Webex, config, loginOption = 'BROWSER', dialNumber, teamId } = options;
  if (typeof accessToken !== 'string' || accessToken.trim() === '') throw new TypeError('connectWebex: an accessToken is required');
  if (loginOption !== 'BROWSER' && !dialNumber) throw new TypeError(`connectWebex: a ${loginOption} login needs a dialNumber`);
  const init = async (): Promise<WebexCc> => {
    const sdk = Webex ?? (globalThis as { Webex?: WebexStatic }).Webex;
    if (!sdk || typeof sdk.init !== 'function') {
      throw new Error('the Webex SDK is not loaded: add its UMD script (window.Webex) or pass { Webex } from @webex/contact-center');
    }
    const webex = sdk.init({ credentials: { access_token: accessToken }, ...(config ? { config } : {}) });
    await whenReady(webex);
    return webex.cc;
  };
  return new WebexContactCenter(init, {
    owned: true,
    login: { loginOption, ...(dialNumber ? { dialNumber } : {}), ...(teamId ? { teamId } : {}) },
  });
}
