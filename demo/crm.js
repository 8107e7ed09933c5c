// The mock CRM: drives the simulated contact center from the control strip and follows the
// elements' events. Customer data is written with textContent only.
const provider = document.getElementById('provider');
const log = document.getElementById('log');
const write = (line) => {
  const row = document.createElement('div');
  row.textContent = `${new Date().toLocaleTimeString()}  ${line}`;
  log.prepend(row);
};
const sim = () => provider.backend;
const selectedId = () => provider.store?.selectedTask?.id;
/** The simulator offers only to an Available agent with capacity, as a contact center would. */
const offered = (id) => {
  if (!id) write('no offer: set the agent Available (and free a slot: 1 call, 3 digital tasks)');
};

for (const button of document.querySelectorAll('[data-offer]')) {
  button.addEventListener('click', () => offered(sim()?.offerContact({ media: button.dataset.offer })));
}
document.getElementById('consult-offer').addEventListener('click', () => offered(sim()?.offerConsult()));
document.getElementById('hostile').addEventListener('click', () =>
  offered(sim()?.offerContact({ media: 'telephony', customerName: '<img src=x onerror=alert(1)><script>alert(2)</script>' })),
);
document.getElementById('hangup').addEventListener('click', () => {
  const id = selectedId();
  if (id) sim()?.customerHangup(id);
});
document.getElementById('say').addEventListener('click', () => {
  const id = selectedId();
  if (!id || !sim()?.customerSays(id, 'Hello? Is anyone there?')) write('no chat, social or email task selected');
});
document.getElementById('fail').addEventListener('click', () => {
  const command = document.getElementById('fail-command').value;
  sim()?.failNext(command, 1, `Simulated failure of ${command}`);
  write(`next ${command} will fail`);
});
document.getElementById('drop').addEventListener('click', () => sim()?.dropConnection(3000));
document.getElementById('theme').addEventListener('change', (e) => provider.setAttribute('theme', e.target.value));
document.getElementById('locale').addEventListener('change', (e) => provider.setAttribute('locale', e.target.value));

const showTask = (task) => {
  const cpd = task?.data.interaction.callProcessingDetails;
  document.getElementById('rec-customer').textContent = task ? cpd.customerName || cpd.ani || '—' : '—';
  document.getElementById('rec-media').textContent = task?.media ?? '—';
  document.getElementById('rec-id').textContent = task?.id ?? '—';
};
provider.addEventListener('cc-ready', () => {
  write('store ready');
  provider.store.selectedTask$.subscribe(showTask);
});
for (const name of [
  'cc-task-accepted', 'cc-task-declined', 'cc-task-selected', 'cc-task-command', 'cc-destination-selected',
  'cc-wrapup-submitted', 'cc-agent-state-change', 'cc-outdial-started', 'cc-user-data-changed',
  'cc-connection-changed', 'cc-message-sent', 'cc-error',
]) {
  provider.addEventListener(name, (event) => write(`${name} ${JSON.stringify(event.detail, (k, v) => (k === 'store' ? undefined : v))}`));
}
