/**
 * The `system` namespace: what the calling origin may use.
 * @module
 */
import { allowedMethods } from '../origins.js';
import { checkArity } from '../validate.js';
import type { MethodHandler } from './context.js';

/** Always callable by an allowed origin (the host client's handshake). */
export const ALWAYS_ALLOWED = 'system.getAllowedServices';

/** The `system.*` handlers. */
export const systemMethods: Record<string, MethodHandler> = {
  getAllowedServices(p, ctx) {
    checkArity('system.getAllowedServices', p, 0);
    const list: string[] = allowedMethods(ctx.rule);
    if (!list.includes(ALWAYS_ALLOWED)) list.push(ALWAYS_ALLOWED);
    return list;
  },
};
