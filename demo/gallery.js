// The gallery: one <cc-provider simulate> per language × scenario × theme, each brought into a
// state worth looking at through the simulator's control API and the store. Light and dark of a
// scenario share a seed, so the two columns show the same customers.

const LANGUAGES = [
  { locale: 'en', name: 'English' },
  { locale: 'de', name: 'Deutsch' },
  { locale: 'fr', name: 'Français' },
];
const THEMES = ['light', 'dark'];

/** The host page's own text (a CRM would write it in its language). */
const BLOCK_WARNING = {
  en: 'Save the ticket in the CRM before you finish.',
  de: 'Speichern Sie das Ticket im CRM, bevor Sie abschließen.',
  fr: 'Enregistrez le ticket dans le CRM avant de terminer.',
};

const TIMEOUT_MS = 8000;

/** Resolves when `test(store)` holds (checked on every task change), or rejects after a while. */
function until(store, test, what) {
  return new Promise((resolve, reject) => {
    let sub;
    const timer = setTimeout(() => {
      sub?.unsubscribe();
      reject(new Error(`timed out waiting for ${what}`));
    }, TIMEOUT_MS);
    const check = () => {
      const value = test(store);
      if (!value) return false;
      clearTimeout(timer);
      sub?.unsubscribe();
      resolve(value);
      return true;
    };
    if (check()) return;
    sub = store.tasks$.subscribe(() => queueMicrotask(check));
  });
}
const taskIn = (id, ...states) => (store) => store.tasks.find((t) => t.id === id && states.includes(t.state));

/** Offers a contact (forced: whatever the agent's state) and waits until the store shows it. */
async function offer(sim, store, media, extra = {}) {
  const id = sim.offerContact({ media, force: true, ...extra });
  if (!id) throw new Error(`the simulator made no ${media} offer`);
  await until(store, taskIn(id, 'OFFERED'), `the ${media} offer`);
  return id;
}
async function connected(sim, store, media) {
  const id = await offer(sim, store, media);
  await store.accept(id);
  await until(store, taskIn(id, 'CONNECTED'), `the ${media} to connect`);
  return id;
}

/** The scenarios: a title, the consult picker's mode, and the steps that set the column up. */
const SCENARIOS = [
  {
    key: 'offers',
    title: 'Offers waiting, a chat in progress',
    picker: 'transfer',
    async run({ sim, store }) {
      const chat = await connected(sim, store, 'chat');
      await offer(sim, store, 'telephony');
      const consult = sim.offerConsult({ force: true });
      if (!consult) throw new Error('the simulator made no consult offer');
      await until(store, taskIn(consult, 'OFFERED_CONSULT'), 'the consult offer');
      store.select(chat);
      sim.customerSays(chat, 'Hi! My order 48213 has not arrived yet.');
      await store.conversations.send(chat, { text: 'Hello, let me look that up for you.' });
    },
  },
  {
    key: 'call',
    title: 'A call: recording paused, consulting a colleague',
    picker: 'consult',
    async run({ sim, store }) {
      await connected(sim, store, 'email');
      const call = await connected(sim, store, 'telephony');
      store.select(call);
      // Not every simulated call is recorded: pausing is a bonus, not a requirement.
      // (A command resolves when the contact center took it; the confirming event clears `pending`.)
      await store
        .pauseRecording(call)
        .then(() => until(store, (st) => st.tasks.find((t) => t.id === call && !t.pending), 'the recording pause'))
        .catch(() => undefined);
      await store.consult(call, { type: 'agent', id: 'agent-ana', name: 'Ana Souza' });
      await until(store, (s) => s.tasks.find((t) => t.id === call && t.consult?.status === 'CONSULT_ACCEPTED'), 'Ana to accept');
    },
  },
  {
    key: 'hold',
    title: 'A call on hold (Mute stays, disabled with its reason), a chat offer whose Accept failed',
    picker: 'transfer',
    async run({ sim, store }) {
      const call = await connected(sim, store, 'telephony');
      store.select(call);
      await store.hold(call);
      await until(store, taskIn(call, 'HELD'), 'the hold');
      const chat = await offer(sim, store, 'chat');
      sim.failNext('accept', 1, 'No capacity left for chats');
      await store.accept(chat).catch(() => undefined);
      await until(store, (st) => st.tasks.find((t) => t.id === chat && t.error), 'the failed accept');
    },
  },
  {
    key: 'wrapup',
    title: 'Wrap-up after the customer hung up (markdone blocked by the host page)',
    picker: 'consult',
    async run({ sim, store, locale }) {
      await connected(sim, store, 'social');
      const call = await connected(sim, store, 'telephony');
      sim.customerHangup(call);
      await until(store, taskIn(call, 'WRAPPING_UP'), 'wrap-up');
      store.select(call);
      store.blockMarkdone(call, BLOCK_WARNING[locale]);
      await store.setAgentState('Idle', 'idle-lunch').catch(() => undefined);
    },
  },
  {
    key: 'conversation',
    title: 'Conversations: an email whose reply could not be sent, unread chat and social messages',
    picker: 'transfer',
    async run({ sim, store }) {
      const chat = await connected(sim, store, 'chat');
      const social = await connected(sim, store, 'social');
      const email = await connected(sim, store, 'email');
      sim.customerSays(chat, 'Hello! I was charged twice this month.');
      sim.customerSays(social, 'Is my parcel still coming today?');
      store.select(email);
      sim.failNext('sendMessage', 1, 'the mail server did not answer');
      await store.conversations
        .send(email, { text: 'Dear customer,\n\nthank you for writing. The refund is on its way.', subject: 'Re: your order' })
        .catch(() => undefined);
    },
  },
];

/** Resolves with the provider's store once it runs. */
function ready(provider) {
  if (provider.store && provider.store.connection.status === 'connected') return Promise.resolve();
  return new Promise((resolve, reject) => {
    provider.addEventListener('cc-ready', () => resolve(), { once: true });
    provider.addEventListener('cc-error', (e) => reject(new Error(e.detail?.message ?? 'cc-error')), { once: true });
  });
}

function column({ locale, theme, scenario, seed }) {
  const col = document.createElement('section');
  col.className = 'gallery-col';
  col.dataset.theme = theme;
  col.dataset.state = 'setting-up';
  const h = document.createElement('h3');
  const name = document.createElement('span');
  name.textContent = `${theme} · ${locale}`;
  const attrs = document.createElement('span');
  attrs.textContent = `seed=${seed}`;
  h.append(name, attrs);

  const provider = document.createElement('cc-provider');
  for (const [k, v] of Object.entries({
    simulate: '',
    seed,
    theme,
    locale,
    'start-available': '',
    // Offers wait half an hour here instead of 30 s, so the gallery keeps showing them.
    'rona-timeout': '1800',
    latency: '60',
  })) {
    provider.setAttribute(k, v);
  }
  provider.append(document.getElementById('desk').content.cloneNode(true));
  provider.querySelector('cc-consult-picker').setAttribute('mode', scenario.picker);
  col.append(h, provider);
  return { col, provider };
}

async function setUp(col, provider, scenario, locale) {
  try {
    await ready(provider);
    await scenario.run({ sim: provider.backend, store: provider.store, locale });
    col.dataset.state = 'ready';
  } catch (error) {
    col.dataset.state = 'failed';
    const note = document.createElement('p');
    note.className = 'setup-error';
    note.textContent = `Setup of “${scenario.title}” stopped: ${error?.message ?? error}`;
    col.insertBefore(note, provider);
    throw error;
  }
}

const root = document.getElementById('gallery');
const setups = [];
LANGUAGES.forEach(({ locale, name }, li) => {
  const section = document.createElement('section');
  section.className = 'gallery-lang';
  section.id = `lang-${locale}`;
  section.lang = locale;
  const h2 = document.createElement('h2');
  h2.textContent = name;
  section.append(h2);
  SCENARIOS.forEach((scenario, si) => {
    const block = document.createElement('div');
    block.className = 'gallery-scenario';
    const h3 = document.createElement('h3');
    h3.textContent = scenario.title;
    const pair = document.createElement('div');
    pair.className = 'gallery-pair';
    const seed = String(100 + si * 10 + li);
    for (const theme of THEMES) {
      const { col, provider } = column({ locale, theme, scenario, seed });
      pair.append(col);
      setups.push(setUp(col, provider, scenario, locale));
    }
    block.append(h3, pair);
    section.append(block);
  });
  root.append(section);
});

const status = document.getElementById('gallery-status');
Promise.allSettled(setups).then((results) => {
  const failed = results.filter((r) => r.status === 'rejected');
  status.textContent = failed.length
    ? `${failed.length} of ${results.length} columns could not be set up (see the red notes).`
    : `${results.length} desks ready.`;
  document.documentElement.dataset.gallery = failed.length ? 'failed' : 'ready';
  for (const r of failed) console.warn('gallery:', r.reason);
});
