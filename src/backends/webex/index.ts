/**
 * The Webex Contact Center backend (`dist/webex.js`): the adapter over a host's `webex.cc`, and
 * `connectWebex` for hosts with only an access token. The SDK itself is never bundled.
 * @module
 */
export { WebexContactCenter, type WebexContactCenterOptions, type WebexLoginOptions } from './webex-contact-center.js';
export { connectWebex, type ConnectWebexOptions } from './connect.js';
export { capabilitiesFor, toAgentProfile } from './profile.js';
export { WebexError } from './errors.js';
export type { WebexCc, WebexTask, WebexProfile, WebexStatic, WebexInstance, WebexLoginOption } from './sdk.js';
