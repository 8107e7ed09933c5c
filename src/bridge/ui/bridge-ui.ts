/**
 * `<cc-bridge-ui>`: the toasts and dialogs host pages open through the bridge
 * (`system.popupToast`, `system.openDialog`), shown inside the desk. Part of the bridge's lazily
 * loaded chunk; the service mounts it inside `<cc-provider>` (so it follows the provider's
 * language and theme). Every string a client sent is rendered as text.
 *
 * Toasts sit in a polite live region; each is a labelled group with its buttons and a close
 * button, dismissed with Escape while focus is inside it; an auto-closing toast waits while the
 * pointer or the focus is on it. Dialogs are modal `<dialog>`s holding the client's page in a
 * sandboxed iframe; Escape or the close button closes them.
 * @module
 */
import { css, html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { CcElement } from '../../elements/base/cc-element.js';
import { define } from '../../elements/base/define.js';
import { tokens } from '../../elements/base/tokens.js';
import type { BridgeUi, BridgeUiEvents, CloseCause, DialogView, ToastButton, ToastView } from './port.js';

/**
 * What a dialog's page may do: run its scripts and forms, talk to its own origin, open popups;
 * never navigate the desk. (Bound before the iframe is connected, so it holds from the first load.)
 * The analyzer knows one token per value only: hence the cast.
 */
const SANDBOX = 'allow-scripts allow-forms allow-same-origin allow-popups' as 'allow-scripts';

/**
 * The toasts and dialogs of the bridge (mounted by the bridge service; not for direct use).
 * @summary Toasts and dialogs host pages open through the bridge.
 * @csspart toasts - The live region holding the toasts.
 * @csspart toast - One toast.
 * @csspart dialog - A dialog showing a host page.
 */
export class CcBridgeUi extends CcElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        background: transparent;
      }
      .toasts {
        position: fixed;
        inset-block-end: var(--_space);
        inset-inline-end: var(--_space);
        z-index: 1000;
        display: flex;
        flex-direction: column;
        gap: var(--_space);
        max-inline-size: calc(100vw - 2 * var(--_space));
      }
      .toast {
        box-sizing: border-box;
        inline-size: 320px;
        max-inline-size: 100%;
        padding: var(--_space);
        background: var(--_bg);
        color: var(--_fg);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        box-shadow: 0 2px 8px rgb(0 0 0 / 25%);
        overflow-wrap: anywhere;
      }
      .head {
        display: flex;
        gap: var(--_space);
        align-items: start;
      }
      .head img {
        inline-size: 24px;
        block-size: 24px;
      }
      .title {
        flex: 1;
        margin: 0;
        font-size: 1em;
        font-weight: 600;
      }
      .subject,
      .message {
        margin: calc(var(--_space) / 2) 0 0;
      }
      .subject {
        color: var(--_fg-muted);
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 2px var(--_space);
        margin: calc(var(--_space) / 2) 0 0;
      }
      dt {
        color: var(--_fg-muted);
      }
      dd {
        margin: 0;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: calc(var(--_space) / 2);
        margin-block-start: var(--_space);
      }
      .buttons:empty {
        display: none;
      }
      button.close {
        min-inline-size: 32px;
        padding: 0;
      }
      button:focus-visible {
        outline: 2px solid var(--_accent);
        outline-offset: 2px;
      }
      dialog {
        padding: 0;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
        color: var(--_fg);
        max-inline-size: calc(100vw - 2 * var(--_space));
        max-block-size: calc(100vh - 2 * var(--_space));
      }
      dialog .head {
        align-items: center;
        padding: calc(var(--_space) / 2) var(--_space);
        border-block-end: 1px solid var(--_border);
      }
      iframe {
        display: block;
        border: 0;
        inline-size: 100%;
        block-size: calc(100% - 44px);
      }
    `,
  ];

  @state() private toasts: readonly ToastView[] = [];
  @state() private dialogs: readonly DialogView[] = [];

  /** Where the agent's actions go (set by `mountBridgeUi`). */
  events?: BridgeUiEvents;

  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();

  // ---- the BridgeUi port ----

  showToast(toast: ToastView): void {
    const i = this.toasts.findIndex((t) => t.id === toast.id);
    this.toasts = i < 0 ? [...this.toasts, toast] : this.toasts.map((t) => (t.id === toast.id ? toast : t));
    this.#arm(toast);
  }

  closeToast(id: string, cause: CloseCause = 'host'): boolean {
    if (!this.hasToast(id)) return false;
    this.#disarm(id);
    this.toasts = this.toasts.filter((t) => t.id !== id);
    if (cause !== 'host') this.events?.toastClosed(id, cause);
    return true;
  }

  hasToast(id: string): boolean {
    return this.toasts.some((t) => t.id === id);
  }

  openDialog(dialog: DialogView): void {
    this.dialogs = [...this.dialogs, dialog];
  }

  closeDialog(id: string, cause: CloseCause = 'host'): boolean {
    if (!this.dialogs.some((d) => d.id === id)) return false;
    this.dialogs = this.dialogs.filter((d) => d.id !== id);
    if (cause !== 'host') this.events?.dialogClosed(id, cause);
    return true;
  }

  frames(): HTMLIFrameElement[] {
    return [...(this.renderRoot.querySelectorAll?.('iframe') ?? [])];
  }

  destroy(): void {
    for (const id of this.#timers.keys()) this.#disarm(id);
    this.toasts = [];
    this.dialogs = [];
    this.remove();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const id of [...this.#timers.keys()]) this.#disarm(id);
  }

  // ---- timers ----

  #arm(toast: ToastView): void {
    this.#disarm(toast.id);
    if (toast.autoCloseSeconds > 0) {
      this.#timers.set(
        toast.id,
        setTimeout(() => this.closeToast(toast.id, 'timeout'), toast.autoCloseSeconds * 1000),
      );
    }
  }

  #disarm(id: string): void {
    clearTimeout(this.#timers.get(id));
    this.#timers.delete(id);
  }

  /** Pointer or focus on the toast: it stays; away again: its auto-close starts over. */
  #hold(toast: ToastView, held: boolean, e: Event): void {
    const el = e.currentTarget as HTMLElement;
    if (held) this.#disarm(toast.id);
    else if (!el.matches(':hover') && !el.matches(':focus-within')) this.#arm(toast);
  }

  #press(toast: ToastView, b: ToastButton): void {
    this.events?.toastButton(toast.id, b.id);
    if (b.id === 'show') this.ownerDocument.defaultView?.focus();
    if (b.id === 'show' || b.id === 'dismiss') this.closeToast(toast.id, 'agent');
  }

  #label(b: ToastButton): string {
    if (b.label) return b.label;
    return b.id === 'show' ? this.t('Show') : this.t('Dismiss');
  }

  // ---- rendering ----

  protected override render(): unknown {
    return html`
      <div part="toasts" class="toasts" role="region" aria-label=${this.t('Messages from connected applications')} aria-live="polite">
        ${repeat(this.toasts, (t) => t.id, (t) => this.#toast(t))}
      </div>
      ${repeat(this.dialogs, (d) => d.id, (d) => this.#dialog(d))}
    `;
  }

  #toast(t: ToastView): unknown {
    const heading = t.title || t.subject || t.message;
    return html`<div
      part="toast"
      class="toast"
      role="group"
      aria-labelledby=${`${t.id}-title`}
      style=${styleMap({ inlineSize: t.width ? `${t.width}px` : undefined })}
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.closeToast(t.id, 'agent')}
      @mouseenter=${(e: Event) => this.#hold(t, true, e)}
      @mouseleave=${(e: Event) => this.#hold(t, false, e)}
      @focusin=${(e: Event) => this.#hold(t, true, e)}
      @focusout=${(e: Event) => this.#hold(t, false, e)}
    >
      <div class="head">
        ${t.iconUrl ? html`<img src=${t.iconUrl} alt="" />` : nothing}
        <p class="title" id=${`${t.id}-title`}>${heading}</p>
        <button class="close" type="button" aria-label=${this.t('Dismiss notification')} @click=${() => this.closeToast(t.id, 'agent')}>
          ×
        </button>
      </div>
      ${t.title && t.subject ? html`<p class="subject">${t.subject}</p>` : nothing}
      ${(t.title || t.subject) && t.message ? html`<p class="message">${t.message}</p>` : nothing}
      ${t.keyValues.length
        ? html`<dl>${t.keyValues.map((kv) => html`<dt>${kv.key}</dt><dd>${kv.value}</dd>`)}</dl>`
        : nothing}
      <div class="buttons">${t.buttons.map(
        (b, i) =>
          html`<button type="button" class=${i === 0 ? 'primary' : ''} @click=${() => this.#press(t, b)}>${this.#label(b)}</button>`,
      )}</div>
    </div>`;
  }

  #dialog(d: DialogView): unknown {
    const size = styleMap({ inlineSize: `${d.width ?? 640}px`, blockSize: `${d.height ?? 480}px` });
    return html`<dialog
      part="dialog"
      data-id=${d.id}
      aria-labelledby=${`${d.id}-title`}
      style=${size}
      @close=${() => this.closeDialog(d.id, 'agent')}
    >
      <div class="head">
        <p class="title" id=${`${d.id}-title`}>${d.title}</p>
        <button class="close" type="button" aria-label=${this.t('Close dialog')} @click=${() => this.closeDialog(d.id, 'agent')}>×</button>
      </div>
      <iframe
        src=${d.url}
        title=${d.title}
        sandbox=${SANDBOX}
        referrerpolicy="no-referrer"
      ></iframe>
    </dialog>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    for (const el of this.renderRoot.querySelectorAll('dialog')) if (!el.open) el.showModal();
  }
}

define('cc-bridge-ui', CcBridgeUi);

declare global {
  interface HTMLElementTagNameMap {
    'cc-bridge-ui': CcBridgeUi;
  }
}

/** Mounts the toasts and dialogs inside `host` (the desk's `<cc-provider>`). */
export function mountBridgeUi(host: HTMLElement, events: BridgeUiEvents): BridgeUi {
  const el = host.ownerDocument.createElement('cc-bridge-ui');
  el.events = events;
  host.append(el);
  return el;
}
