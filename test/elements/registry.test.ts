import { expect } from '@open-wc/testing';
// As src/cc-elements.ts does: every element's chunk registered before the provider is defined.
import { ELEMENT_CHUNKS } from '../../src/elements/element-chunks.js';
import '../../src/elements/provider/provider.js';
import { ELEMENT_TAGS, loadElements } from '../../src/elements/registry.js';

describe('element registry (each element its own chunk, registered on first use)', () => {
  it('refuses a tag that is not ours with a TypeError naming it', async () => {
    let error: unknown;
    await loadElements('cc-nope').catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(TypeError);
    expect((error as Error).message).to.contain('<cc-nope>');
  });

  it('a provider inside a shadow root loads the elements placed below it', async () => {
    expect(customElements.get('cc-outdial')).to.equal(undefined);
    const host = document.body.appendChild(document.createElement('div'));
    const root = host.attachShadow({ mode: 'open' });
    const provider = root.appendChild(document.createElement('cc-provider'));
    const outdial = provider.appendChild(document.createElement('cc-outdial'));
    await customElements.whenDefined('cc-outdial');
    expect(outdial).to.be.instanceOf(customElements.get('cc-outdial')!);
    host.remove();
  });

  it('loadElements resolves with the classes, in order, loading each chunk once', async () => {
    const [list, details] = await loadElements('cc-task-list', 'cc-task-details');
    expect(list).to.equal(customElements.get('cc-task-list'));
    expect(details).to.equal(customElements.get('cc-task-details'));
    const [again] = await loadElements('cc-task-list');
    expect(again).to.equal(list);
  });

  it('the lazy entry has a chunk for every element of the desk', () => {
    expect(Object.keys(ELEMENT_CHUNKS)).to.have.members([...ELEMENT_TAGS]);
  });
});
