import { expect } from '@open-wc/testing';
import { placeholderCss, reserveSpace } from '../../src/elements/placeholders.js';
import { ELEMENT_TAGS } from '../../src/elements/registry.js';

// Nothing in this file defines an element: every cc-* tag here stays a placeholder.

describe('placeholders (tags whose chunk has not loaded keep their first height, invisible)', () => {
  it('reserveSpace adopts the rules: an undefined tag is invisible and keeps its first height', () => {
    // A copy: the document's own array is live.
    const adopted = [...document.adoptedStyleSheets];
    const tag = document.body.appendChild(document.createElement('cc-outdial'));
    try {
      expect(tag.getBoundingClientRect().height).to.equal(0);
      reserveSpace(document);
      expect(document.adoptedStyleSheets.length).to.equal(adopted.length + 1);
      expect(getComputedStyle(tag).visibility).to.equal('hidden');
      expect(tag.getBoundingClientRect().height).to.be.greaterThan(300);
    } finally {
      tag.remove();
      document.adoptedStyleSheets = adopted;
    }
  });

  it('hides every lazily registered tag until it is defined', () => {
    const hidden = /^:where\(([^)]*)\):not\(:defined\)\{[^}]*visibility:hidden/.exec(placeholderCss)?.[1].split(',') ?? [];
    expect(hidden.sort()).to.deep.equal([...ELEMENT_TAGS].sort());
  });

  it('reserves a height for each tag whose element first shows something', () => {
    for (const tag of ['cc-task-list', 'cc-agent-state', 'cc-consult-picker', 'cc-task-details', 'cc-conversation', 'cc-outdial']) {
      expect(placeholderCss).to.contain(`${tag}:not(:defined){min-height:`);
    }
  });
});
