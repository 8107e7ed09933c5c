import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { filter, take, type Subscription } from 'rxjs';
import type { ContactCenter } from '../../backends/contact-center.js';
import type { Clock } from '../../backends/simulated/index.js';
import type { BridgeService } from '../../bridge/service.js';
import { english, loadCatalog } from '../../i18n/catalog.js';
import { createTranslator, defaultTranslator, type Translator } from '../../i18n/translator.js';
import { toCcError, type CcError, type ConnectionState, type ConnectionStatus } from '../../model/index.js';
import { i18nContext, storeContext } from '../../store/context.js';
import { createStore } from '../../store/store.js';
import type { CcStore } from '../../store/types.js';
import { define } from '../base/define.js';
import { firstTaskCame, watchForElements } from '../registry.js';
import { tokens } from '../base/tokens.js';
import { listOf, optionalBoolean } from './attributes.js';
import { styles } from './provider.styles.js';

/** The configuration key of a simulated session. */
const SIMULATED = Symbol('simulated');

/** What a session is built from: a shared store, a given backend, or the simulator. */
type SessionKey = CcStore | ContactCenter | typeof SIMULATED;

/** One running store and what belongs to it. */
interface Session {
  readonly store: CcStore;
  /** The backend this provider created the store for (and so stops it); absent for a shared store. */
  readonly backend?: ContactCenter;
  connection?: Subscription;
  /** Until the store first lists a task (see `firstTaskCame`). */
  firstTask?: Subscription;
  started: boolean;
}

/**
 * Owns the store every element below it shares, and provides it (and the active language)
 * through context. With the `simulate` attribute, or when no `backend` is given, it runs the
 * simulated contact center, loaded as its own chunk. Starts the store when connected and stops
 * everything when removed. With `bridge-origins` it serves the postMessage bridge to exactly those
 * origins.
 *
 * Simulator attributes (`seed`, `offer-every`, `latency`, `rona-timeout`, `wrap-up-required`,
 * `auto-wrapup`, `start-available`, `agent-name`) are read when the simulated store starts.
 *
 * @tagname cc-provider
 * @summary The root of an agent desk: store, language, theme and host-page bridge.
 *
 * @slot - The elements of the desk (and any page content between them).
 *
 * @fires cc-ready - The store started. `detail`: `{ store }`.
 * @fires cc-error - The store could not start, or `bridge-origins` is malformed; `detail` is the `CcError`.
 * @fires cc-connection-changed - The contact-center connection changed. `detail`: `{ status }`.
 *
 * @csspart banner - The connection notice (reconnecting, disconnected), overlaying the top of the desk.
 * @csspart error - Start and bridge configuration failures.
 * @csspart retry-button - Retry after a failed start.
 *
 * @cssproperty --cc-color-surface - Background of the desk.
 * @cssproperty --cc-color-surface-raised - Background of the notices.
 * @cssproperty --cc-color-text - Text colour.
 * @cssproperty --cc-color-warning - Border of the connection notice.
 * @cssproperty --cc-color-danger - Border and text of failures.
 * @cssproperty --cc-color-border - Button borders.
 * @cssproperty --cc-color-focus - Focus ring.
 * @cssproperty --cc-space - Spacing unit.
 * @cssproperty --cc-radius - Corner radius.
 * @cssproperty --cc-font-family - Font family of the desk.
 * @cssproperty --cc-font-size - Font size of the desk.
 */
export class CcProvider extends LitElement {
  static override styles = [tokens, styles];

  /** Run the simulated contact center even when a `backend` is given. */
  @property({ type: Boolean, reflect: true }) simulate = false;
  /** Simulator: seed of every random choice (a number or any text). */
  @property() seed?: string;
  /**
   * Simulator: seconds between automatic offers; `0` = none. Absent: contacts are routed like a real
   * contact center does (the first within about 5 s of going Available, then one every 10–40 s, seeded).
   */
  @property({ attribute: 'offer-every', type: Number }) offerEvery?: number;
  /** Simulator: milliseconds before the contact center confirms a command. */
  @property({ type: Number }) latency?: number;
  /** Simulator: seconds an offer rings before it is redirected (RONA). */
  @property({ attribute: 'rona-timeout', type: Number }) ronaTimeout?: number;
  /** Simulator: whether ending a task leaves it in wrap-up (`"false"` to turn off; default on). */
  @property({ attribute: 'wrap-up-required', converter: optionalBoolean }) wrapUpRequired?: boolean;
  /** Simulator: seconds before wrap-up finishes by itself (0 or absent = never). */
  @property({ attribute: 'auto-wrapup', type: Number }) autoWrapup?: number;
  /** Simulator: log in Available instead of Idle. */
  @property({ attribute: 'start-available', type: Boolean }) startAvailable = false;
  /** Simulator: the agent's name. */
  @property({ attribute: 'agent-name' }) agentName?: string;
  /** The clock of the simulator and the store (tests and benchmarks pass a virtual one). */
  @property({ attribute: false }) clock?: Clock;

  /**
   * The language: `en`, `de`, `fr`, or a BCP-47 tag (falls back to its language, then English).
   * Default: the document's `lang`. Switchable at run time.
   */
  @property() locale?: string;

  /** `light`, `dark` or `auto` (follows the operating system). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'auto';

  /**
   * Turns on the postMessage bridge for exactly these origins (space- or comma-separated, each
   * optionally followed by a method filter such as `(interaction.get*, agent.*)`).
   */
  @property({ attribute: 'bridge-origins' }) bridgeOrigins?: string;
  /** Bridge: user-data keys host pages may read (space-separated; absent = all). */
  @property({ attribute: 'bridge-user-data-read' }) bridgeUserDataRead?: string;
  /** Bridge: user-data keys host pages may write (space-separated; absent = all). */
  @property({ attribute: 'bridge-user-data-write' }) bridgeUserDataWrite?: string;
  /** Bridge: origins whose pages `system.openDialog` may show inside the desk (space-separated; absent = none). */
  @property({ attribute: 'bridge-dialog-origins' }) bridgeDialogOrigins?: string;
  /**
   * Bridge: the options `configuration.getOption` answers, a JSON object of strings such as
   * `{"voice.dial-prefix":"0"}` (absent = none; nothing else is exposed).
   */
  @property({ attribute: 'bridge-options' }) bridgeOptions?: string;

  @state() private translator: Translator = defaultTranslator;
  @state() private connection?: ConnectionStatus;
  /** Whether the current session was ever connected (so "disconnected" is news). */
  @state() private wasConnected = false;
  @state() private startError?: CcError;
  @state() private bridgeError?: string;

  readonly #storeProvider = new ContextProvider(this, { context: storeContext, initialValue: undefined });
  readonly #i18nProvider = new ContextProvider(this, { context: i18nContext, initialValue: defaultTranslator });

  #givenBackend?: ContactCenter;
  #sharedStore?: CcStore;
  #session?: Session;
  /** What the running or starting session is built from (undefined when stopped). */
  #wanted?: SessionKey;
  #bridge?: BridgeService;
  /** Bumped by every bridge stop, so a bridge start that lost the race gives up. */
  #bridgeGeneration = 0;
  /** Bumped by every boot and teardown, so a boot that lost the race gives up. */
  #generation = 0;
  #localeRequest = 0;
  /** The language and catalog of the current translator (the default one: English). */
  #catalogLocale: string = defaultTranslator.locale;
  #catalog?: object = english;
  /** Whether the host's `lang` attribute was set from `locale` (and so is ours to remove). */
  #langFromLocale = false;
  /** Loads the chunks of the elements placed below this provider (it may sit in a shadow root). */
  #elementWatch?: MutationObserver;

  /**
   * The contact center: set it to use a real backend; reads the one in use (the simulated contact
   * center while simulating, with its control API for demos and tests).
   */
  get backend(): ContactCenter | undefined {
    return this.#session?.backend ?? this.#givenBackend;
  }
  set backend(value: ContactCenter | undefined) {
    if (value === this.backend) return;
    this.#givenBackend = value;
    this.requestUpdate();
  }

  /** Whether the postMessage bridge is serving (it starts shortly after `bridge-origins` is set). */
  get bridgeActive(): boolean {
    return this.#bridge !== undefined;
  }

  /**
   * The store the desk shares (undefined until the provider is connected). Set it to share an
   * existing store; a shared store is started here but stopped by whoever created it.
   */
  get store(): CcStore | undefined {
    return this.#session?.store ?? this.#sharedStore;
  }
  set store(value: CcStore | undefined) {
    if (value === this.store) return;
    this.#sharedStore = value;
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#elementWatch ??= watchForElements(this);
    // Lit does not update on re-connection; the update starts the store again if it was stopped.
    if (this.#wanted === undefined) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#elementWatch?.disconnect();
    this.#elementWatch = undefined;
    // Moving the provider in the document disconnects and reconnects it in one go: keep the store.
    queueMicrotask(() => {
      if (!this.isConnected) this.#teardown();
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') || this.#localeRequest === 0) void this.#loadLocale();
    // The bridge follows its attributes once the store runs (before that, start-up turns it on).
    const bridgeChanged =
      changed.has('bridgeOrigins') ||
      changed.has('bridgeUserDataRead') ||
      changed.has('bridgeUserDataWrite') ||
      changed.has('bridgeDialogOrigins') ||
      changed.has('bridgeOptions');
    if (bridgeChanged && this.#session?.started && this.#wanted === this.#configKey()) void this.#syncBridge();
  }

  protected override updated(): void {
    if (this.isConnected && this.#wanted !== this.#configKey()) this.#boot();
  }

  protected override render(): TemplateResult {
    const tr = this.translator;
    const banner =
      this.connection === 'reconnecting'
        ? tr.t('Reconnecting to the contact center…')
        : this.connection === 'disconnected' && this.wasConnected
          ? tr.t('Not connected to the contact center.')
          : '';
    // No white space inside the alert: it must be :empty (and invisible) when there is nothing to say.
    return html`
      <div part="banner" role="status">${banner}</div>
      <div part="error" class="error" role="alert">${this.startError
          ? html`<span>${tr.t('The agent desk could not start: {message}', { message: this.startError.message })}</span>
              <button part="retry-button" type="button" @click=${this.#boot}>${tr.t('Retry')}</button>`
          : nothing}${this.bridgeError
          ? html`<span>${tr.t('The host-page connection is off: {message}', { message: this.bridgeError })}</span>`
          : nothing}</div>
      <slot></slot>
    `;
  }

  /** What the session should be built from right now. */
  #configKey(): SessionKey {
    if (this.#sharedStore) return this.#sharedStore;
    return this.simulate || !this.#givenBackend ? SIMULATED : this.#givenBackend;
  }

  /** (Re)starts the session from the current configuration (also the Retry button). */
  #boot(): void {
    this.#teardown();
    this.#wanted = this.#configKey();
    void this.#open(this.#wanted);
  }

  async #open(key: SessionKey): Promise<void> {
    const generation = this.#generation;
    let backend: ContactCenter | undefined;
    if (key === SIMULATED) {
      try {
        const { SimulatedContactCenter, simulatorOptions } = await import('../../backends/simulated/index.js');
        backend = new SimulatedContactCenter(simulatorOptions(this));
      } catch (error) {
        if (generation === this.#generation) this.#fail(error);
        return;
      }
      if (generation !== this.#generation) return; // torn down meanwhile; the simulator never connected
    } else if (key !== this.#sharedStore) {
      backend = key as ContactCenter;
    }
    const session: Session = backend
      ? { backend, store: createStore(backend, { clock: this.clock }), started: false }
      : { store: key as CcStore, started: false };
    this.#session = session;
    this.#storeProvider.setValue(session.store);
    session.connection = session.store.connection$.subscribe((c) => this.#onConnection(c));
    // Elements held until there is a task (cc-desk.js: wrap-up form, task details, conversation) load now.
    session.firstTask = session.store.tasks$.pipe(filter((tasks) => tasks.length > 0), take(1)).subscribe(() => firstTaskCame(this));
    try {
      await session.store.start();
    } catch (error) {
      if (this.#session === session) this.#fail(error);
      return;
    }
    if (this.#session !== session) return;
    session.started = true;
    await this.#syncBridge();
    if (this.#session !== session) return;
    this.#dispatch('cc-ready', { store: session.store });
  }

  /** Stops what the current session runs (the store only when this provider created it). */
  #teardown(): void {
    this.#generation++;
    this.#wanted = undefined;
    this.#stopBridge();
    const session = this.#session;
    this.#session = undefined;
    this.connection = undefined;
    this.wasConnected = false;
    this.startError = undefined;
    if (!session) return;
    session.connection?.unsubscribe();
    session.firstTask?.unsubscribe();
    this.#storeProvider.setValue(undefined);
    if (session.backend) void session.store.stop().catch(() => undefined);
  }

  #fail(error: unknown): void {
    this.startError = toCcError(error, { code: 'CONNECTION', command: 'connect', at: Date.now() });
    this.#dispatch('cc-error', this.startError);
  }

  #onConnection({ status }: ConnectionState): void {
    const previous = this.connection;
    this.connection = status;
    if (status === 'connected') this.wasConnected = true;
    if (previous !== undefined && previous !== status) this.#dispatch('cc-connection-changed', { status });
  }

  /**
   * (Re)starts the bridge service from the bridge attributes, or leaves it off. The service (and
   * the parser of the origin list, which reports a malformed list) is its own chunk, loaded only
   * when a bridge is wanted.
   */
  async #syncBridge(): Promise<void> {
    this.#stopBridge();
    const generation = this.#bridgeGeneration;
    const store = this.#session?.store;
    const origins = this.bridgeOrigins;
    if (!store || origins === undefined || origins === null) return;
    try {
      const { startBridgeService } = await import('../../bridge/service.js');
      if (generation !== this.#bridgeGeneration || this.#session?.store !== store) return;
      this.#bridge = startBridgeService(store, {
        origins,
        window: this.ownerDocument.defaultView ?? window,
        userData: { readAllowed: listOf(this.bridgeUserDataRead), writeAllowed: listOf(this.bridgeUserDataWrite) },
        ui: this,
        dialogOrigins: listOf(this.bridgeDialogOrigins),
        options: this.bridgeOptions ?? undefined,
      });
    } catch (error) {
      this.bridgeError = error instanceof Error ? error.message : String(error);
      this.#dispatch('cc-error', {
        code: 'INVALID_PARAMETERS',
        command: 'connect',
        message: `bridge-origins: ${this.bridgeError}`,
        at: store.now(),
      });
    }
  }

  #stopBridge(): void {
    this.#bridgeGeneration++;
    this.#bridge?.stop();
    this.#bridge = undefined;
    this.bridgeError = undefined;
  }

  /** Loads the catalog of `locale` (or the document's language) and provides its translator. */
  async #loadLocale(): Promise<void> {
    const request = ++this.#localeRequest;
    const wanted = this.locale || this.ownerDocument.documentElement.lang || 'en';
    try {
      const { locale, catalog } = await loadCatalog(wanted);
      if (request !== this.#localeRequest) return;
      // The same language again (English at start-up, say): keep the translator, so no element
      // renders its rows a second time for nothing.
      if (locale !== this.#catalogLocale || catalog !== this.#catalog) {
        this.#catalogLocale = locale;
        this.#catalog = catalog;
        this.translator = createTranslator(locale, catalog);
        this.#i18nProvider.setValue(this.translator);
      }
      // Assistive technology reads the desk in its language, whatever the page's.
      if (this.locale) this.setAttribute('lang', locale);
      else if (this.#langFromLocale) this.removeAttribute('lang');
      this.#langFromLocale = Boolean(this.locale);
    } catch {
      // A catalog that cannot load (a missing chunk) leaves the current language in place.
    }
  }

  #dispatch<K extends 'cc-ready' | 'cc-error' | 'cc-connection-changed'>(
    name: K,
    detail: HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never,
  ): void {
    this.dispatchEvent(providerEvent(name, detail));
  }
}

/** A provider event: bubbles and crosses shadow roots. (Outside the class, so the manifest lists only the `@fires` events.) */
const providerEvent = (name: string, detail: unknown): CustomEvent =>
  new CustomEvent(name, { detail, bubbles: true, composed: true });

define('cc-provider', CcProvider);

declare global {
  interface HTMLElementTagNameMap {
    'cc-provider': CcProvider;
  }
  interface HTMLElementEventMap {
    /** The provider's store started. */
    'cc-ready': CustomEvent<{ store: CcStore }>;
    /** The contact-center connection changed. */
    'cc-connection-changed': CustomEvent<{ status: ConnectionStatus }>;
  }
}
