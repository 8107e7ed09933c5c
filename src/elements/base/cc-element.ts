/**
 * The base of every cc-element: it gets the store and the translator of the nearest `<cc-provider>`
 * through context, reads observables through one ObserveController each, and dispatches typed
 * `cc-…` events. Elements render; they do not decide: task logic lives in the model and the store.
 * @module
 */
import { LitElement, type PropertyValues } from 'lit';
import { consume } from '@lit/context';
import { state } from 'lit/decorators.js';
import type { Observable } from 'rxjs';
import { i18nContext, storeContext } from '../../store/context.js';
import { ObserveController } from '../../store/observe-controller.js';
import type { CcStore } from '../../store/types.js';
import { defaultTranslator, type Params, type Translator } from '../../i18n/translator.js';
import type { MessageKey } from '../../i18n/catalog.js';
import { toCcError, type AgentCommand, type CcError, type TaskCommand } from '../../model/index.js';
import { frameGate } from './frame-gate.js';

declare global {
  interface HTMLElementEventMap {
    /** A command this element sent failed; `detail` is the error (also shown inline). */
    'cc-error': CustomEvent<CcError>;
  }
}

/** The outcome of a command an element sent on the user's behalf. */
export type CommandResult = { ok: true } | { ok: false; error: CcError };

export interface CommandOptions {
  /** Names the command in the error when the failure is not already a CcError. */
  command?: TaskCommand | AgentCommand;
  taskId?: string;
  /** Called with the failure before `cc-error` is dispatched, so listeners see it rendered. */
  onError?: (error: CcError) => void;
}

/** Whether `el` sits below a `<cc-provider>`, across shadow roots (as context requests travel). */
function insideProvider(el: Element): boolean {
  for (let node: Node | null = el.parentNode; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    if (node instanceof Element && node.localName === 'cc-provider') return true;
  }
  return false;
}

/** A `cc-…` event: bubbles and crosses shadow roots. (Outside the class, so the manifest lists only real events.) */
const ccEvent = (name: string, detail: unknown): CustomEvent =>
  new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true });

/**
 * The base of every element below `<cc-provider>`.
 *
 * @cssstate starting - Inside a `<cc-provider>` that has no store yet (still starting): the placeholder rules of cc-elements.css keep the element's box, invisible.
 */
export class CcElement extends LitElement {
  /** The store of the nearest `<cc-provider>` (undefined outside one). */
  @consume({ context: storeContext, subscribe: true })
  @state()
  protected store?: CcStore;

  /** The provider's language. */
  @consume({ context: i18nContext, subscribe: true })
  @state()
  protected i18n: Translator = defaultTranslator;

  readonly #gate = frameGate();
  readonly #internals = this.attachInternals();

  /** At most one render per painted frame (see frameGate); `updateComplete` waits for a deferred one. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.#gate(() => super.scheduleUpdate());
  }

  /**
   * While its `<cc-provider>` is still starting (no store yet: the simulator's chunk loading, say),
   * the element carries the custom state `starting`: the placeholder rules (src/elements/placeholders.ts)
   * keep its box invisible at the height it first renders at once the store is there, so the page
   * neither shows "Place this element inside <cc-provider>" for a frame nor jumps.
   */
  protected override update(changed: PropertyValues<this>): void {
    const starting = !this.store && insideProvider(this);
    try {
      if (starting) this.#internals.states.add('starting');
      else this.#internals.states.delete('starting');
    } catch {
      // A browser whose custom states need `--` names: the placeholder rules for them are ignored too.
    }
    super.update(changed);
  }

  /** Follow an observable of the current store while connected: `this.observe((s) => s.tasks$)`. */
  protected observe<T>(select: (store: CcStore) => Observable<T>): ObserveController<T> {
    return new ObserveController<T>(this, () => (this.store ? select(this.store) : undefined));
  }

  /** Translate. */
  protected t(key: MessageKey, params?: Params): string {
    return this.i18n.t(key, params);
  }

  /**
   * Dispatch a `cc-…` CustomEvent that bubbles and crosses shadow roots. Only ever called on a
   * user or backend action, never because a property was set from code.
   */
  protected emit<K extends keyof HTMLElementEventMap>(
    name: K,
    detail: HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never,
  ): boolean {
    return this.dispatchEvent(ccEvent(name, detail));
  }

  /**
   * Run a store command on the user's behalf. On failure, hands the CcError to `onError`, then
   * dispatches `cc-error` with it, and resolves `{ ok: false, error }`. Never rejects.
   * Without a store (no provider) it fails with CONNECTION.
   */
  protected async command(
    run: (store: CcStore) => Promise<void>,
    options: CommandOptions = {},
  ): Promise<CommandResult> {
    const { command = 'connect', taskId, onError } = options;
    const store = this.store;
    try {
      if (!store) throw toCcError(this.t('Place this element inside <cc-provider>.'), { code: 'CONNECTION', command, taskId, at: Date.now() });
      await run(store);
      return { ok: true };
    } catch (failure) {
      const error = toCcError(failure, { command, taskId, at: store?.now() ?? Date.now() });
      onError?.(error);
      this.emit('cc-error', error);
      return { ok: false, error };
    }
  }
}
