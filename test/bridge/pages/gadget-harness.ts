/**
 * Test harness for the gadget pages: stands in for a deployer who wrote this server's port into
 * the inline configuration (`{port}` placeholders), then boots the gadget. `?full` loads the real
 * entry (boot.ts: the elements + bootGadget); otherwise only bootGadget runs, and its promise is
 * left on `window.ccGadgetBoot`.
 */
const config = document.getElementById('cc-gadget-config');
if (config) config.textContent = (config.textContent ?? '').replaceAll('{port}', location.port);
const w = window as unknown as { ccGadgetBoot?: Promise<unknown> };
w.ccGadgetBoot = new URLSearchParams(location.search).has('full')
  ? import('../../../src/gadget/boot.js')
  : import('../../../src/gadget/gadget.js').then((m) => m.bootGadget());
