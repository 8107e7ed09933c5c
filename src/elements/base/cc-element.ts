/**
 * The base of every cc-element: it gets the store and the translator of the nearest `<cc-provider>`
 * through context, reads observables through one ObserveController each, and dispatches typed
 * `cc-…` events. Elements render; they do not decide: task logic lives in the model and the store.
 * @module
 */
import { LitElement } from 'lit';
import { consume } from '@lit/context';
import { state } from 'lit/decorators.js';
import type { Observable } from 'rxjs';
import { i18nContext, storeContext } from '../../store/context.js';
import { ObserveController } from '../../store/observe-controller.js';
import type { CcStore } from '../../store/types.js';
import { defaultTranslator, type Params, type Translator } from '../../i18n/translator.js';
import type { MessageKey } from '../../i18n/catalog.js';
import type { CcError } from '../../model/index.js';

declare global {
  interface HTMLElementEventMap {
    /** A command this element sent failed; `detail` is the error (also shown inline). */
    'cc-error': CustomEvent<CcError>;
  }
}

const isCcError = (value: unknown): value is CcError =>
  typeof value === 'object' && value !== null && 'code' in value && 'command' in value && 'message' in value;

/** A `cc-…` event: bubbles and crosses shadow roots. (Outside the class, so the manifest lists only real events.) */
const ccEvent = (name: string, detail: unknown): CustomEvent =>
  new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true });

export class CcElement extends LitElement {
  /** The store of the nearest `<cc-provider>` (undefined outside one). */
  @consume({ context: storeContext, subscribe: true })
  @state()
  protected store?: CcStore;

  /** The provider's language. */
  @consume({ context: i18nContext, subscribe: true })
  @state()
  protected i18n: Translator = defaultTranslator;

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
   * Run a store command on the user's behalf. Resolves true on success; on failure dispatches
   * `cc-error` with the CcError (the store has already put it on the task or agent for display)
   * and resolves false. Never rejects.
   */
  protected async command(run: (store: CcStore) => Promise<void>): Promise<boolean> {
    const store = this.store;
    if (!store) return false;
    try {
      await run(store);
      return true;
    } catch (error) {
      const detail: CcError = isCcError(error)
        ? error
        : { code: 'BACKEND_ERROR', command: 'connect', message: String(error), at: store.now() };
      this.emit('cc-error', detail);
      return false;
    }
  }
}
