import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/bridge/ui/bridge-ui.js';
import type { CcBridgeUi } from '../../src/bridge/ui/bridge-ui.js';
import type { BridgeUiEvents, CloseCause, ToastView } from '../../src/bridge/ui/port.js';
import { chooseState } from '../../src/bridge/namespaces/agent.js';
import { BridgeFailure } from '../../src/bridge/namespaces/context.js';
import { dialogOf, Overlays, toastOf } from '../../src/bridge/namespaces/overlays.js';
import type { BridgeStateOption, SystemEvent } from '../../src/bridge/protocol.js';
import { createTranslator } from '../../src/i18n/translator.js';
import { renderProvided } from '../fixtures/provide.js';
import { THEMES, XSS_PAYLOAD } from '../fixtures/sim-desk.js';

/** Records what the element tells the service. */
class Recorder implements BridgeUiEvents {
  readonly calls: string[] = [];
  toastButton(toastId: string, buttonId: string): void {
    this.calls.push(`button ${toastId} ${buttonId}`);
  }
  toastClosed(toastId: string, cause: CloseCause): void {
    this.calls.push(`toast closed ${toastId} ${cause}`);
  }
  dialogClosed(dialogId: string, cause: CloseCause): void {
    this.calls.push(`dialog closed ${dialogId} ${cause}`);
  }
}

const FULL: ToastView = toastOf(
  't-1',
  {
    title: 'New case',
    subject: 'From the CRM',
    message: 'The customer called twice today.',
    keyValues: [
      { key: 'Case', value: 'C-1' },
      { key: 'Tier', value: 'gold' },
    ],
    buttons: ['Open case', { id: 'later', label: 'Later' }],
    buttonShowDismiss: true,
    width: 360,
  },
  'https://crm.example',
);

async function mount(options: { dark?: boolean; german?: boolean } = {}) {
  const translator = options.german
    ? createTranslator('de', (await import('../../src/i18n/de/index.js')).default)
    : undefined;
  const { el } = await renderProvided<CcBridgeUi>(html`<cc-bridge-ui></cc-bridge-ui>`, undefined, { dark: options.dark, translator });
  const events = new Recorder();
  el.events = events;
  return { el, events };
}

const shown = async (el: CcBridgeUi): Promise<HTMLElement[]> => {
  el.requestUpdate();
  await el.updateComplete;
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=toast]')];
};

describe('<cc-bridge-ui> (toasts and dialogs host pages open through the bridge)', () => {
  describe('accessibility (axe)', () => {
    for (const { dark, theme } of THEMES) {
      it(`is accessible with a full toast (${theme})`, async () => {
        const { el } = await mount({ dark });
        el.showToast(FULL);
        el.showToast(toastOf('t-2', { message: 'Only a message' }, 'https://crm.example'));
        expect(await shown(el)).to.have.length(2);
        await expect(el).to.be.accessible();
      });
      it(`is accessible with a dialog open (${theme})`, async () => {
        const { el } = await mount({ dark });
        el.openDialog({ id: 'd-1', url: 'about:blank', title: 'CRM form' });
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
        await expect(el).to.be.accessible();
      });
    }
  });

  it('renders every string a client sent as text, in a polite live region', async () => {
    const { el } = await mount();
    el.showToast(toastOf('x', { title: XSS_PAYLOAD, message: XSS_PAYLOAD, keyValues: { [XSS_PAYLOAD]: XSS_PAYLOAD }, buttons: [XSS_PAYLOAD.slice(0, 40)] }, 'https://crm.example'));
    const [toast] = await shown(el);
    expect(toast.querySelector('img, script')).to.equal(null);
    expect(toast.textContent).to.contain(XSS_PAYLOAD);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    expect(el.shadowRoot!.querySelector('[part=toasts]')!.getAttribute('aria-live')).to.equal('polite');
    expect(toast.style.inlineSize).to.equal('');
  });

  it('buttons reach the service; Show and Dismiss are the desk’s own words and close the toast', async () => {
    const { el, events } = await mount({ german: true });
    el.showToast(FULL);
    let [toast] = await shown(el);
    expect(toast.style.inlineSize).to.equal('360px');
    const labels = [...toast.querySelectorAll('.buttons button')].map((b) => b.textContent!.trim());
    expect(labels).to.deep.equal(['Open case', 'Later', 'Anzeigen', 'Verwerfen']);
    (toast.querySelectorAll('.buttons button')[1] as HTMLElement).click();
    expect(events.calls).to.deep.equal(['button t-1 later']);
    expect(await shown(el)).to.have.length(1, 'a client button leaves the toast open');
    [toast] = await shown(el);
    (toast.querySelectorAll('.buttons button')[3] as HTMLElement).click();
    expect(events.calls).to.deep.equal(['button t-1 later', 'button t-1 dismiss', 'toast closed t-1 agent']);
    expect(await shown(el)).to.deep.equal([]);
  });

  it('Escape inside a toast dismisses it; a host close reports nothing back', async () => {
    const { el, events } = await mount();
    el.showToast(FULL);
    el.showToast(toastOf('t-2', { message: 'second' }, 'https://crm.example'));
    const [first] = await shown(el);
    first.querySelector<HTMLButtonElement>('button.close')!.focus();
    await sendKeys({ press: 'Escape' });
    expect(events.calls).to.deep.equal(['toast closed t-1 agent']);
    expect(el.closeToast('t-2')).to.equal(true);
    expect(el.closeToast('t-2')).to.equal(false);
    expect(events.calls).to.have.length(1);
    expect(await shown(el)).to.deep.equal([]);
  });

  it('the dialog close button closes it and tells the service', async () => {
    const { el, events } = await mount();
    el.openDialog({ id: 'd-1', url: 'about:blank', title: 'CRM form' });
    await el.updateComplete;
    expect(el.frames()).to.have.length(1);
    el.shadowRoot!.querySelector<HTMLButtonElement>('dialog button.close')!.click();
    await el.updateComplete;
    expect(events.calls).to.deep.equal(['dialog closed d-1 agent']);
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
  });
});

describe('bridge overlays: parameters checked, ownership by origin', () => {
  const code = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      return (e as BridgeFailure).code;
    }
    return 'no error';
  };

  it('toastOf: text fields, key/values in both forms, buttons, limits; an icon only from the caller', () => {
    const t = toastOf('a', { title: 'T', keyValues: { n: 1, b: true }, iconUrl: 'https://crm.example/i.png', autoCloseTimeout: 5 }, 'https://crm.example');
    expect(t.keyValues).to.deep.equal([
      { key: 'n', value: '1' },
      { key: 'b', value: 'true' },
    ]);
    expect(t.iconUrl).to.equal('https://crm.example/i.png');
    expect(t.autoCloseSeconds).to.equal(5);
    expect(toastOf('b', { title: 'T', iconUrl: 'https://tracker.example/p.gif' }, 'https://crm.example').iconUrl).to.equal(undefined);
    expect(toastOf('c', { title: 'T', width: 5000 }, 'https://crm.example').width).to.equal(640);
    expect(code(() => toastOf('d', {}, 'o'))).to.equal('INVALID_PARAMETERS');
    expect(code(() => toastOf('d', 'hello', 'o'))).to.equal('INVALID_PARAMETERS');
    expect(code(() => toastOf('d', { title: { nested: 1 } }, 'o'))).to.equal('INVALID_PARAMETERS');
    expect(code(() => toastOf('d', { title: 'T', buttons: ['1', '2', '3', '4', '5'] }, 'o'))).to.equal('INVALID_PARAMETERS');
    expect(code(() => toastOf('d', { title: 'T', autoCloseTimeout: -1 }, 'o'))).to.equal('INVALID_PARAMETERS');
    expect(code(() => toastOf('d', { title: 'x'.repeat(201) }, 'o'))).to.equal('INVALID_PARAMETERS');
  });

  it('dialogOf: http(s) URLs on the allow-list only', () => {
    const allowed = ['https://crm.example'];
    expect(dialogOf('d', 'https://crm.example/form?x=1', { title: 'Form', width: 100 }, allowed)).to.deep.equal({
      id: 'd',
      url: 'https://crm.example/form?x=1',
      title: 'Form',
      width: 200,
    });
    expect(code(() => dialogOf('d', 'https://evil.example/', {}, allowed))).to.equal('FORBIDDEN');
    expect(code(() => dialogOf('d', 'javascript:alert(1)', {}, allowed))).to.equal('INVALID_PARAMETERS');
    expect(code(() => dialogOf('d', '/relative', {}, allowed))).to.equal('INVALID_PARAMETERS');
  });

  it('another origin can neither update nor close a toast; the owner hears the agent', () => {
    const sent: [SystemEvent, string][] = [];
    const overlays = new Overlays((data, to) => sent.push([data, to.origin]));
    const a = { source: window, origin: 'https://a.example' };
    const b = { source: window, origin: 'https://b.example' };
    const id = overlays.popupToast(a, { title: 'mine' });
    expect(code(() => overlays.updateToast(b, id, { title: 'theirs' }))).to.equal('NOT_FOUND');
    expect(code(() => overlays.closeToast(b, id))).to.equal('NOT_FOUND');
    overlays.toastButton(id, 'button-0');
    overlays.toastClosed(id, 'agent');
    expect(sent).to.deep.equal([
      [{ eventType: 'TOAST_BUTTON_CLICKED', toastId: id, buttonId: 'button-0' }, 'https://a.example'],
      [{ eventType: 'TOAST_CLOSED', toastId: id }, 'https://a.example'],
    ]);
    expect(code(() => overlays.closeToast(a, id))).to.equal('NOT_FOUND');
  });
});

describe('chooseState (agent.setState / media.setState)', () => {
  const list: BridgeStateOption[] = [
    { state: 'Available', name: 'Available' },
    { state: 'Idle', reasonCodeId: 'idle-lunch', name: 'Lunch' },
    { state: 'Idle', reasonCodeId: 'idle-break', name: 'Break' },
  ];
  const pick = (...p: unknown[]) => chooseState(list, p as never, 0, 'agent.setState');
  const fails = (...p: unknown[]): string => {
    try {
      pick(...p);
      return 'no error';
    } catch (e) {
      return (e as BridgeFailure).code;
    }
  };

  it('takes an index (number or numeric string), a name from the list, or the generic names', () => {
    expect(pick(2)).to.deep.equal({ state: 'Idle', reasonCodeId: 'idle-break' });
    expect(pick('1')).to.deep.equal({ state: 'Idle', reasonCodeId: 'idle-lunch' });
    expect(pick(0)).to.deep.equal({ state: 'Available' });
    expect(pick('lunch')).to.deep.equal({ state: 'Idle', reasonCodeId: 'idle-lunch' });
    expect(pick('Ready')).to.deep.equal({ state: 'Available' });
    expect(pick('NotReady')).to.deep.equal({ state: 'Idle' });
    expect(pick('Idle', 'idle-break')).to.deep.equal({ state: 'Idle', reasonCodeId: 'idle-break' });
  });

  it('refuses an index out of range, a fraction, an unknown name or a reason code that does not fit', () => {
    expect(fails(3)).to.equal('INVALID_PARAMETERS');
    expect(fails(-1)).to.equal('INVALID_PARAMETERS');
    expect(fails(1.5)).to.equal('INVALID_PARAMETERS');
    expect(fails('99')).to.equal('INVALID_PARAMETERS');
    expect(fails('Sleeping')).to.equal('INVALID_PARAMETERS');
    expect(fails('Available', 'idle-lunch')).to.equal('INVALID_PARAMETERS');
    expect(fails('Idle', 'no-such-code')).to.equal('INVALID_PARAMETERS');
    expect(fails(null)).to.equal('INVALID_PARAMETERS');
  });
});
