import { expect } from '@open-wc/testing';
import { createHostClient } from '../../src/bridge/host-client.js';

describe('cross-origin plumbing', () => {
  it('loads a page from 127.0.0.1 in an iframe and talks to it', async () => {
    const other = `http://127.0.0.1:${location.port}`;
    const frame = document.createElement('iframe');
    frame.src = `${other}/test/bridge/pages/echo-page.html`;
    document.body.append(frame);
    const client = createHostClient({ target: frame.contentWindow!, targetOrigin: other });
    const r = await client.agent.get();
    expect(r).to.deep.equal({ echo: 'agent.get', parameters: [], origin: other });
    client.destroy();
    frame.remove();
  });
});
