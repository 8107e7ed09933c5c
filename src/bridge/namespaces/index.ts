/**
 * Every method handler by its full name (`"<namespace>.<method>"`).
 * @module
 */
import { METHODS, type MethodName, type Namespace } from '../protocol.js';
import { agentMethods } from './agent.js';
import type { MethodHandler } from './context.js';
import { interactionMethods } from './interaction.js';
import { mediaMethods } from './media.js';
import { sipEndpointMethods } from './sip-endpoint.js';
import { authMethods, configurationMethods, messengerMethods, notServed, systemMethods } from './system.js';
import { voiceMethods } from './voice.js';

/** Every method of a namespace the support table always refuses (./support.ts). */
const none = (ns: Namespace): Record<string, MethodHandler> => Object.fromEntries(METHODS[ns].map((m) => [m, notServed]));

const byNamespace: Record<Namespace, Record<string, MethodHandler>> = {
  interaction: interactionMethods,
  agent: agentMethods,
  media: mediaMethods,
  voice: voiceMethods,
  sipEndpoint: { ...none('sipEndpoint'), ...sipEndpointMethods },
  system: systemMethods,
  configuration: configurationMethods,
  messenger: messengerMethods,
  auth: authMethods,
  email: none('email'),
  outbound: none('outbound'),
};

/** Handlers for every method of `METHODS` (a missing one is a programming error, thrown at load). */
export const HANDLERS: ReadonlyMap<MethodName, MethodHandler> = (() => {
  const map = new Map<MethodName, MethodHandler>();
  for (const ns of Object.keys(METHODS) as Namespace[]) {
    for (const m of METHODS[ns]) {
      const h = Object.prototype.hasOwnProperty.call(byNamespace[ns], m) ? byNamespace[ns][m] : undefined;
      if (!h) throw new Error(`bridge: no handler for ${ns}.${m}`);
      map.set(`${ns}.${m}` as MethodName, h);
    }
  }
  return map;
})();
