import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { BehaviorSubject } from 'rxjs';
import { ObserveController } from '../../src/store/observe-controller.js';

class ObserveHost extends LitElement {
  static override properties = { source: { attribute: false } };
  source?: BehaviorSubject<number>;
  renders = 0;
  readonly value = new ObserveController<number>(this, () => this.source);
  override render() {
    this.renders++;
    return html`<span>${this.value.value ?? 'none'}</span>`;
  }
}
customElements.define('observe-host', ObserveHost);

const text = (el: ObserveHost) => el.shadowRoot!.querySelector('span')!.textContent;

describe('ObserveController', () => {
  it('renders the current value and every later one', async () => {
    const source = new BehaviorSubject(1);
    const el = await fixture<ObserveHost>(html`<observe-host .source=${source}></observe-host>`);
    expect(text(el)).to.equal('1');
    source.next(2);
    await el.updateComplete;
    expect(text(el)).to.equal('2');
  });

  it('coalesces a synchronous burst into one render', async () => {
    const source = new BehaviorSubject(0);
    const el = await fixture<ObserveHost>(html`<observe-host .source=${source}></observe-host>`);
    const before = el.renders;
    for (let i = 1; i <= 1000; i++) source.next(i);
    await el.updateComplete;
    expect(el.renders - before).to.equal(1);
    expect(text(el)).to.equal('1000');
  });

  it('unsubscribes when the host disconnects and resubscribes when it returns', async () => {
    const source = new BehaviorSubject(1);
    const el = await fixture<ObserveHost>(html`<observe-host .source=${source}></observe-host>`);
    expect(source.observed).to.equal(true);
    const parent = el.parentNode!;
    el.remove();
    expect(source.observed).to.equal(false);
    expect(el.value.active).to.equal(false);
    source.next(5);
    parent.appendChild(el);
    await el.updateComplete;
    expect(source.observed).to.equal(true);
    expect(text(el)).to.equal('5');
  });

  it('switches to a new source and releases the old one', async () => {
    const first = new BehaviorSubject(1);
    const second = new BehaviorSubject(10);
    const el = await fixture<ObserveHost>(html`<observe-host .source=${first}></observe-host>`);
    el.source = second;
    await el.updateComplete;
    expect(first.observed).to.equal(false);
    expect(second.observed).to.equal(true);
    expect(text(el)).to.equal('10');
    el.source = undefined;
    await el.updateComplete;
    expect(second.observed).to.equal(false);
    expect(text(el)).to.equal('none');
  });
});
