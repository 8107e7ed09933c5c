import { expect } from '@open-wc/testing';
import { createHostClient, type HostClient, type HostClientError } from '../../src/bridge/host-client.js';
import type { GadgetBoot } from '../../src/gadget/gadget.js';

/**
 * The gadget's start-up in real iframes: where its allow-list comes from (the deployed inline
 * JSON or gadget.config.json, never the URL), the "not allowed here" and "not configured"
 * messages, and the desk it stamps. These pages are same-origin so the test can read them.
 */
const PAGES = '/test/bridge/pages';

async function frameOf(src: string): Promise<{ frame: HTMLIFrameElement; doc: Document; boot: GadgetBoot }> {
  const frame = document.createElement('iframe');
  frame.src = src;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const boot = (await (frame.contentWindow as unknown as { ccGadgetBoot: Promise<GadgetBoot> }).ccGadgetBoot) as GadgetBoot;
  return { frame, doc: frame.contentDocument!, boot };
}

const message = (doc: Document): HTMLElement => doc.getElementById('cc-gadget-message')!;

describe('gadget start-up (same-origin frames)', () => {
  const frames: HTMLIFrameElement[] = [];
  const open = async (src: string) => {
    const f = await frameOf(src);
    frames.push(f.frame);
    return f;
  };
  afterEach(() => frames.splice(0).forEach((f) => f.remove()));

  it('stamps the desk with bridge-origins from the deployed config when the embedder is allowed', async () => {
    const { doc, boot } = await open(`${PAGES}/gadget-allowed.html`);
    expect(boot.status).to.equal('running');
    expect(doc.documentElement.dataset.ccGadget).to.equal('running');
    const provider = doc.querySelector('cc-provider')!;
    expect(provider, 'the desk is in the document').to.not.equal(null);
    expect(provider.getAttribute('bridge-origins')).to.equal(
      `https://crm.example http://localhost:${location.port} (interaction.*, system.*)`,
    );
    expect(provider.hasAttribute('simulate')).to.equal(true);
    expect(provider.getAttribute('seed')).to.equal('7');
    expect(provider.getAttribute('theme')).to.equal('dark');
    for (const tag of ['cc-agent-state', 'cc-incoming-task', 'cc-task-list', 'cc-call-controls', 'cc-wrapup-form']) {
      expect(provider.querySelector(tag), tag).to.not.equal(null);
    }
    expect(doc.getElementById('cc-gadget-desk'), 'the template is consumed').to.equal(null);
    expect(message(doc).hidden).to.equal(true);
  });

  it('says "not allowed here" and renders no desk when the embedding origin is not on the list', async () => {
    const { doc, boot } = await open(`${PAGES}/gadget-elsewhere.html`);
    expect(boot).to.deep.equal({ status: 'refused', origin: location.origin });
    expect(doc.documentElement.dataset.ccGadget).to.equal('refused');
    expect(doc.querySelector('cc-provider')).to.equal(null);
    const box = message(doc);
    expect(box.hidden).to.equal(false);
    expect(box.getAttribute('role')).to.equal('alert');
    expect(box.textContent).to.contain('not allowed here').and.contain(location.origin);
  });

  it('never takes origins from its own URL or query string', async () => {
    const me = encodeURIComponent(location.origin);
    const { doc, boot } = await open(`${PAGES}/gadget-elsewhere.html?origins=${me}&bridge-origins=${me}#origins=${me}`);
    expect(boot.status).to.equal('refused');
    expect(doc.querySelector('cc-provider')).to.equal(null);
  });

  it('reads gadget.config.json beside gadget.html when the inline config names no origins', async () => {
    // That file allows only https://crm.example: being refused here proves it was the one read.
    const { doc, boot } = await open(`${PAGES}/gadget-file/gadget.html`);
    expect(boot).to.deep.equal({ status: 'refused', origin: location.origin });
    expect(message(doc).textContent).to.contain('not allowed here');
  });

  it('says "not configured" when there is no configuration at all', async () => {
    const { doc, boot } = await open(`${PAGES}/gadget-none/gadget.html`);
    expect(boot.status).to.equal('misconfigured');
    expect(message(doc).textContent).to.contain('not configured').and.contain('gadget.config.json');
    expect(doc.querySelector('cc-provider')).to.equal(null);
  });

  it('says "not configured" for an origin with a path, naming the entry', async () => {
    const { doc, boot } = await open(`${PAGES}/gadget-bad.html`);
    expect(boot.status).to.equal('misconfigured');
    expect(message(doc).textContent).to.contain('https://crm.example/app');
    expect(doc.querySelector('cc-provider')).to.equal(null);
  });
});

describe('the gadget on another origin, driven by the host client', function () {
  this.timeout(20_000);
  const OTHER = `http://127.0.0.1:${location.port}`;
  let frame: HTMLIFrameElement | undefined;
  let client: HostClient | undefined;
  afterEach(() => {
    client?.destroy();
    frame?.remove();
    client = undefined;
    frame = undefined;
  });

  before(async function () {
    // The first load of the whole desk makes the dev server compile every element: give it time
    // once, so the tests below measure nothing but behaviour.
    this.timeout(90_000);
    const cc = embed('gadget-allowed.html', 80_000);
    await cc.system.getAllowedServices();
    cc.destroy();
    frame!.remove();
  });

  const embed = (page: string, timeoutMs = 15_000): HostClient => {
    frame = document.createElement('iframe');
    frame.src = `${OTHER}${PAGES}/${page}?full`;
    document.body.append(frame);
    return (client = createHostClient({ target: frame.contentWindow!, targetOrigin: OTHER, timeoutMs }));
  };

  it('serves the bridge to the configured embedder, within its method list', async () => {
    const cc = embed('gadget-allowed.html');
    expect(await cc.system.getAllowedServices()).to.include('interaction.accept').and.not.include('agent.get');
    expect(await cc.interaction.getInteractions()).to.be.an('array');
    const refused = await cc.agent.get().then(
      () => undefined,
      (e: HostClientError) => e.code,
    );
    expect(refused).to.equal('FORBIDDEN');
  });

  it('does not answer an embedder that is not configured', async () => {
    const cc = embed('gadget-elsewhere.html', 2000);
    const code = await cc.interaction.getInteractions().then(
      () => 'answered',
      (e: HostClientError) => e.code,
    );
    expect(code).to.equal('TIMEOUT');
  });
});
