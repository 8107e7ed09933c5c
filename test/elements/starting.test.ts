import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { reserveSpace } from '../../src/elements/placeholders.js';
import { ELEMENT_TAGS } from '../../src/elements/registry.js';
import '../../src/elements/agent-state/agent-state.js';
import '../../src/elements/incoming-task/incoming-task.js';
import '../../src/elements/task-list/task-list.js';
import '../../src/elements/call-controls/call-controls.js';
import '../../src/elements/consult-picker/consult-picker.js';
import '../../src/elements/wrapup-form/wrapup-form.js';
import '../../src/elements/task-details/task-details.js';
import '../../src/elements/outdial/outdial.js';
import '../../src/elements/conversation/conversation.js';
import { renderProvided } from '../fixtures/provide.js';
import { releaseSimDesks, simDesk } from '../fixtures/sim-desk.js';

// `<cc-provider>` is not defined in this file: a tag of that name is a provider that never gets
// its store, as one still loading the simulator is.

afterEach(releaseSimDesks);

const adopted = [...document.adoptedStyleSheets];
before(() => reserveSpace(document));
after(() => (document.adoptedStyleSheets = adopted));

const settle = async (el: Element) => {
  for (let i = 0; i < 5; i++) await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
};

describe('an element whose <cc-provider> is still starting', () => {
  for (const tag of ELEMENT_TAGS) {
    it(`<${tag}> keeps, invisible, exactly the box it then renders on an idle desk; outside a provider it says where it belongs`, async () => {
      const starting = document.createElement('cc-provider');
      const el = starting.appendChild(document.createElement(tag));
      document.body.append(starting);
      try {
        await settle(el);
        expect(el.matches(':state(starting)'), 'the custom state').to.equal(true);
        expect(getComputedStyle(el).visibility).to.equal('hidden');
        const reserved = el.getBoundingClientRect().height;

        const env = await simDesk();
        const { el: idle, wrapper } = await renderProvided<HTMLElement>(html`<div></div>`, env.store);
        const live = wrapper.appendChild(document.createElement(tag));
        idle.remove();
        await settle(live);
        expect(live.matches(':state(starting)')).to.equal(false);
        expect(reserved, 'the reserved height is the idle height').to.be.closeTo(live.getBoundingClientRect().height, 1);

        const alone = document.body.appendChild(document.createElement(tag));
        await settle(alone);
        expect(alone.matches(':state(starting)')).to.equal(false);
        // (The incoming task shows nothing without an offer, with or without a provider.)
        if (tag !== 'cc-incoming-task') expect(alone.shadowRoot!.textContent).to.contain('Place this element inside <cc-provider>.');
        expect(getComputedStyle(alone).visibility).to.equal('visible');
        alone.remove();
      } finally {
        starting.remove();
      }
    });
  }
});
