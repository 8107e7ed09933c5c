/**
 * The bridge service's methods, each mapped to store commands (a fake store records them).
 */
import { expect } from '@open-wc/testing';
import { startBridgeService, type BridgeService } from '../../src/bridge/service.js';
import { FakeStore, PortClient, settle, task } from '../fixtures/fake-store.js';

const CRM = 'https://crm.example';

describe('bridge service: interaction methods', () => {
  let store: FakeStore;
  let service: BridgeService;
  let crm: PortClient;
  const start = (options: { writeAllowed?: string[] } = {}): void => {
    service?.stop();
    service = startBridgeService(store, { origins: CRM, userData: options });
  };
  beforeEach(() => {
    store = new FakeStore([
      task('i-1', {}, { callAssociatedDetails: { account: '42' } }),
      task('i-2', { state: 'OFFERED' }),
      task('c-1', { media: 'chat' }),
      task('w-1', { state: 'WRAPPING_UP', wrapUpRequired: true }),
    ]);
    start();
    crm = new PortClient(CRM);
  });
  afterEach(() => service.stop());

  const ok = async (method: string, params: unknown[] = []): Promise<unknown> => {
    const r = await crm.call(method, params);
    expect(r, `${method} answered`).not.to.equal(undefined);
    expect(r!.errorMessage, `${method}: ${String(r!.errorMessage)}`).to.equal(undefined);
    return r!.data;
  };
  const refused = async (method: string, params: unknown[], code: string, message?: RegExp): Promise<void> => {
    const r = await crm.call(method, params);
    expect(r, `${method} answered`).not.to.equal(undefined);
    expect(r!.errorCode, String(r!.errorMessage)).to.equal(code);
    if (message) expect(r!.errorMessage).to.match(message);
  };

  it('getInteractions: every live interaction, in order', async () => {
    const list = (await ok('interaction.getInteractions')) as { interactionId: string; isCaseSelected: boolean }[];
    expect(list.map((i) => i.interactionId)).to.deep.equal(['i-1', 'i-2', 'c-1', 'w-1']);
    expect(list.map((i) => i.isCaseSelected)).to.deep.equal([true, false, false, false]);
    await refused('interaction.getInteractions', ['x'], 'INVALID_PARAMETERS');
  });

  it('getByInteractionId: the interaction, null for an unknown id, refusal for a bad id', async () => {
    expect(await ok('interaction.getByInteractionId', ['c-1'])).to.include({ interactionId: 'c-1', media: 'chat' });
    expect(await ok('interaction.getByInteractionId', ['nope'])).to.equal(null);
    await refused('interaction.getByInteractionId', [], 'INVALID_PARAMETERS', /interactionId/);
    await refused('interaction.getByInteractionId', [{}], 'INVALID_PARAMETERS');
  });

  it('accept and reject', async () => {
    await ok('interaction.accept', ['i-2']);
    await ok('interaction.reject', ['i-2']);
    expect(store.calls).to.deep.equal([
      { method: 'accept', args: ['i-2'] },
      { method: 'decline', args: ['i-2'] },
    ]);
    await refused('interaction.accept', ['nope'], 'NOT_FOUND');
  });

  it('passes the store’s refusal through with its code', async () => {
    store.failures.set('accept', store.error('INVALID_STATE', 'accept', 'Accept is not possible now', 'i-1'));
    await refused('interaction.accept', ['i-1'], 'INVALID_STATE', /not possible/);
    store.failures.set('decline', store.error('TIMEOUT', 'decline', 'no confirmation', 'i-2'));
    await refused('interaction.reject', ['i-2'], 'BACKEND_ERROR', /no confirmation/);
  });

  describe('consult and targetQuery', () => {
    const destinations = async (targets: unknown[]): Promise<unknown[]> => {
      for (const t of targets) await ok('interaction.consult', ['i-1', t]);
      return store.calls.filter((c) => c.method === 'consult').map((c) => c.args[1]);
    };

    it('a string is a phone number (CUSTOM_CONTACT)', async () => {
      expect(await destinations(['+1 555 0123'])).to.deep.equal([{ type: 'dialNumber', id: '+1 555 0123', name: '+1 555 0123' }]);
    });

    it('accepts target or type; resolves agents, queues and routing points by id or name (loading the directory)', async () => {
      const got = await destinations([
        { target: 'AGENT', destination: 'agent-2' },
        { type: 'AGENT', destination: 'Cy Colleague' },
        { target: 'AGENT_GROUP', destination: 'Sales' },
        { type: 'SKILL', destination: 'queue-2' },
        { target: 'INTERACTION_QUEUE', destination: 'support' },
        { type: 'ROUTING_POINT', destination: 'Main Line' },
        { target: 'CUSTOM_CONTACT', destination: '5550123', media: 'voice' },
        { target: 'AGENT', destination: 'agent-unlisted' },
      ]);
      expect(got).to.deep.equal([
        { type: 'agent', id: 'agent-2', name: 'Bo Buddy' },
        { type: 'agent', id: 'agent-3', name: 'Cy Colleague' },
        { type: 'queue', id: 'queue-1', name: 'Sales' },
        { type: 'queue', id: 'queue-2', name: 'Support' },
        { type: 'queue', id: 'queue-2', name: 'Support' },
        { type: 'entryPoint', id: 'ep-1', name: 'Main Line' },
        { type: 'dialNumber', id: '5550123', name: '5550123' },
        { type: 'agent', id: 'agent-unlisted' },
      ]);
      expect(store.calls.filter((c) => c.method === 'refreshDirectory')).to.have.length(1);
    });

    it('attaches the consult’s user data to the interaction first (the consulted party sees it); ignores extensions', async () => {
      await ok('interaction.consult', ['i-1', '5550123', { reason: 'billing', n: 3 }, { x: 'y' }]);
      expect(store.calls.map((c) => c.method)).to.deep.equal(['setUserData', 'consult']);
      expect(store.calls[0]!.args).to.deep.equal(['i-1', { reason: 'billing', n: '3' }]);
    });

    it('accepts undefined / null / empty userData and extensions', async () => {
      await ok('interaction.consult', ['i-1', '5550123', undefined, undefined]);
      await ok('interaction.consult', ['i-1', '5550123', null, null]);
      await ok('interaction.consult', ['i-1', '5550123', {}, {}]);
      expect(store.calls.map((c) => c.method)).to.deep.equal(['consult', 'consult', 'consult']);
    });

    it('refuses bad targets, bad user data and non-live interactions without doing anything', async () => {
      await refused('interaction.consult', ['i-1'], 'INVALID_PARAMETERS', /targetQuery/);
      await refused('interaction.consult', ['i-1', 42], 'INVALID_PARAMETERS', /targetQuery/);
      await refused('interaction.consult', ['i-1', 'call me'], 'INVALID_PARAMETERS', /phone number/);
      await refused('interaction.consult', ['i-1', { target: 'PLANET', destination: 'x' }], 'INVALID_PARAMETERS', /target must be one of/);
      await refused('interaction.consult', ['i-1', { target: 'AGENT', type: 'SKILL', destination: 'x' }], 'INVALID_PARAMETERS', /disagree/);
      await refused('interaction.consult', ['i-1', { target: 'AGENT' }], 'INVALID_PARAMETERS', /destination/);
      await refused('interaction.consult', ['i-1', { target: 'AGENT', destination: 'agent-2', media: 'chat' }], 'INVALID_PARAMETERS', /media/);
      await refused('interaction.consult', ['i-1', '5550123', { nested: { no: 1 } }], 'INVALID_PARAMETERS', /userData/);
      await refused('interaction.consult', ['i-1', '5550123', 'text'], 'INVALID_PARAMETERS', /userData/);
      await refused('interaction.consult', ['i-1', '5550123', {}, 'text'], 'INVALID_PARAMETERS', /extensions/);
      await refused('interaction.consult', ['i-1', '5550123', {}, {}, 'fifth'], 'INVALID_PARAMETERS', /at most 4/);
      await refused('interaction.consult', ['i-2', '5550123'], 'INVALID_STATE', /live/);
      await refused('interaction.consult', ['w-1', '5550123'], 'INVALID_STATE', /live/);
      await refused('interaction.consult', ['c-1', '5550123'], 'INVALID_STATE', /chat/); // the model: consult is voice-only
      store.patch('i-1', { pending: { command: 'hold', since: 1 } });
      await refused('interaction.consult', ['i-1', '5550123'], 'INVALID_STATE', /pending/);
      store.patch('i-1', { pending: undefined });
      await refused('interaction.consult', ['nope', '5550123'], 'NOT_FOUND');
      expect(store.calls).to.deep.equal([]);
      await refused('interaction.consult', ['i-1', { target: 'SKILL', destination: 'nowhere' }], 'NOT_FOUND', /nowhere/);
      await refused('interaction.consult', ['i-1', { target: 'ROUTING_POINT', destination: 'nowhere' }], 'NOT_FOUND', /nowhere/);
      expect(store.calls.map((c) => c.method)).to.deep.equal(['refreshDirectory']);
    });

    it('refuses user data keys outside the write allow-list before consulting', async () => {
      start({ writeAllowed: ['reason'] });
      await refused('interaction.consult', ['i-1', '5550123', { reason: 'x', secret: 'y' }], 'FORBIDDEN', /secret/);
      expect(store.calls).to.deep.equal([]);
    });
  });

  it('completeTransfer / completeConference take the consult id (our task’s id)', async () => {
    await refused('interaction.completeTransfer', ['i-1'], 'INVALID_STATE', /no consultation/);
    store.patch('i-1', { state: 'CONSULTING', consult: { destination: { type: 'agent', id: 'agent-2' }, status: 'CONSULT_ACCEPTED' } });
    await ok('interaction.completeConference', ['i-1']);
    await ok('interaction.completeTransfer', ['i-1']);
    expect(store.calls).to.deep.equal([
      { method: 'consultConference', args: ['i-1'] },
      { method: 'consultTransfer', args: ['i-1'] },
    ]);
    await refused('interaction.completeTransfer', ['nope'], 'NOT_FOUND');
  });

  it('singleStepTransfer: attaches user data, then transfers', async () => {
    await ok('interaction.singleStepTransfer', ['c-1', { type: 'INTERACTION_QUEUE', destination: 'Sales' }, { note: 'vip' }]);
    expect(store.calls.filter((c) => c.method !== 'refreshDirectory')).to.deep.equal([
      { method: 'setUserData', args: ['c-1', { note: 'vip' }] },
      { method: 'transfer', args: ['c-1', { type: 'queue', id: 'queue-1', name: 'Sales' }] },
    ]);
    await refused('interaction.singleStepTransfer', ['i-2', '5550123'], 'INVALID_STATE');
  });

  describe('singleStepConference', () => {
    // Like the store: a command leaves the task pending until the contact center confirms.
    beforeEach(() => {
      store.react = (method, args) => {
        if (method === 'consult') store.patch(args[0] as string, { pending: { command: 'consult', since: 1 } });
      };
    });

    it('consults, then conferences once the consult is accepted', async () => {
      const ref = PortClient.ref();
      crm.send({ request: 'interaction.singleStepConference', parameters: ['i-1', { target: 'AGENT', destination: 'agent-2' }], referenceId: ref });
      await settle();
      expect(store.calls.map((c) => c.method)).to.deep.equal(['refreshDirectory', 'consult']);
      await settle();
      expect(crm.responses()).to.deep.equal([]); // pending: waiting for the contact center
      store.patch('i-1', { pending: undefined, state: 'CONSULTING', consult: { destination: { type: 'agent', id: 'agent-2' }, status: 'CONSULT_INITIATED' } });
      await settle();
      expect(crm.responses()).to.deep.equal([]);
      store.patch('i-1', { consult: { destination: { type: 'agent', id: 'agent-2' }, status: 'CONSULT_ACCEPTED' } });
      const r = await crm.responseTo(ref);
      expect(r).to.include({ data: null });
      expect(r).not.to.have.property('errorMessage');
      expect(store.calls.map((c) => c.method)).to.deep.equal(['refreshDirectory', 'consult', 'consultConference']);
    });

    it('fails clearly when the consult ends before it is accepted', async () => {
      const ref = PortClient.ref();
      crm.send({ request: 'interaction.singleStepConference', parameters: ['i-1', '5550123'], referenceId: ref });
      await settle();
      store.patch('i-1', { pending: undefined, state: 'CONSULTING', consult: { destination: { type: 'dialNumber', id: '5550123' }, status: 'CONSULT_INITIATED' } });
      store.patch('i-1', { state: 'CONNECTED', consult: undefined });
      const r = await crm.responseTo(ref);
      expect(r).to.include({ errorCode: 'INVALID_STATE' });
      expect(r!.errorMessage).to.match(/ended before it was accepted/);
      expect(store.calls.map((c) => c.method)).to.deep.equal(['consult']);
    });

    it('fails when the interaction ends meanwhile, and when the consult is refused', async () => {
      const ref = PortClient.ref();
      crm.send({ request: 'interaction.singleStepConference', parameters: ['i-1', '5550123'], referenceId: ref });
      await settle();
      store.patch('i-1', { state: 'TERMINATED', endReason: 'CUSTOMER_HANGUP' });
      expect(await crm.responseTo(ref)).to.include({ errorCode: 'INVALID_STATE' });
      store.put(task('i-9'));
      store.failures.set('consult', store.error('BACKEND_ERROR', 'consult', 'Consult failed: busy', 'i-9'));
      await refused('interaction.singleStepConference', ['i-9', { target: 'AGENT', destination: 'agent-2' }], 'BACKEND_ERROR', /busy/);
      expect(store.calls.map((c) => c.method)).to.deep.equal(['consult', 'refreshDirectory', 'consult']);
    });
  });

  describe('user data', () => {
    it('setUserData overwrites keys on a live interaction; deleteUserData removes one', async () => {
      await ok('interaction.setUserData', ['i-1', { account: '43', flag: true }]);
      await ok('interaction.deleteUserData', ['i-1', 'account']);
      await ok('interaction.setUserData', ['i-1', {}]); // nothing to do
      expect(store.calls).to.deep.equal([
        { method: 'setUserData', args: ['i-1', { account: '43', flag: 'true' }] },
        { method: 'deleteUserData', args: ['i-1', 'account'] },
      ]);
    });

    it('refuses wrap-up (IDLE) interactions, bad values, and keys outside the write allow-list', async () => {
      start({ writeAllowed: ['account'] });
      await refused('interaction.setUserData', ['w-1', { account: '1' }], 'INVALID_STATE', /live/);
      await refused('interaction.setUserData', ['i-2', { account: '1' }], 'INVALID_STATE', /live/); // ringing: the model refuses data commands
      await refused('interaction.deleteUserData', ['w-1', 'account'], 'INVALID_STATE');
      await refused('interaction.setUserData', ['i-1', { account: '1', ssn: '2' }], 'FORBIDDEN', /ssn/);
      await refused('interaction.deleteUserData', ['i-1', 'ssn'], 'FORBIDDEN', /ssn/);
      await refused('interaction.setUserData', ['i-1', { account: ['x'] }], 'INVALID_PARAMETERS');
      await refused('interaction.setUserData', ['i-1', { account: null }], 'INVALID_PARAMETERS');
      await refused('interaction.setUserData', ['i-1'], 'INVALID_PARAMETERS', /keyValues/);
      await refused('interaction.setUserData', ['i-1', 'account=1'], 'INVALID_PARAMETERS');
      await refused('interaction.deleteUserData', ['i-1'], 'INVALID_PARAMETERS', /key/);
      await refused('interaction.setUserData', ['nope', { account: '1' }], 'NOT_FOUND');
      expect(store.calls).to.deep.equal([]);
      await ok('interaction.setUserData', ['i-1', { account: '1' }]);
      expect(store.calls).to.have.length(1);
    });
  });

  describe('markdone', () => {
    it('wraps up an interaction in wrap-up with the default code', async () => {
      await ok('interaction.markdone', ['w-1']);
      expect(store.calls).to.deep.equal([{ method: 'wrapup', args: ['w-1', { auxCodeId: 'wu-resolved' }] }]);
    });

    it('uses the first code when none is the default', async () => {
      store.setAgent({ ...store.agent, profile: { ...store.agent.profile!, wrapUpCodes: [{ id: 'a' }, { id: 'b' }].map((c) => ({ ...c, name: c.id })) } });
      await ok('interaction.markdone', ['w-1']);
      expect(store.calls[0]!.args[1]).to.deep.equal({ auxCodeId: 'a' });
    });

    it('ends a live interaction, then wraps it up when wrap-up follows', async () => {
      store.react = (method, args) => {
        const id = args[0] as string;
        if (method === 'end') {
          store.patch(id, { pending: { command: 'end', since: 1 } });
          setTimeout(() => store.patch(id, { pending: undefined, state: 'WRAPPING_UP', wrapUpRequired: true }), 0);
        }
        if (method === 'wrapup') setTimeout(() => store.patch(args[0] as string, { state: 'COMPLETED', endReason: 'WRAPPED_UP' }), 0);
      };
      await ok('interaction.markdone', ['i-1']);
      expect(store.calls).to.deep.equal([
        { method: 'end', args: ['i-1'] },
        { method: 'wrapup', args: ['i-1', { auxCodeId: 'wu-resolved' }] },
      ]);
    });

    it('ends a live interaction that needs no wrap-up', async () => {
      store.react = (method, args) => {
        if (method === 'end') store.patch(args[0] as string, { state: 'COMPLETED', endReason: 'ENDED' });
      };
      await ok('interaction.markdone', ['c-1']);
      expect(store.calls.map((c) => c.method)).to.deep.equal(['end']);
    });

    it('fails when the contact center refuses to end the interaction', async () => {
      store.react = (method, args) => {
        const id = args[0] as string;
        if (method !== 'end') return;
        store.patch(id, { pending: { command: 'end', since: 1 } });
        setTimeout(() => store.patch(id, { pending: undefined, error: store.error('BACKEND_ERROR', 'end', 'End failed: busy', id) }), 0);
      };
      await refused('interaction.markdone', ['i-1'], 'BACKEND_ERROR', /End failed: busy/);
      expect(store.calls.map((c) => c.method)).to.deep.equal(['end']);
    });

    it('refuses an offered interaction and an unknown one', async () => {
      await refused('interaction.markdone', ['i-2'], 'INVALID_STATE', /accept or reject/);
      await refused('interaction.markdone', ['nope'], 'NOT_FOUND');
      expect(store.calls).to.deep.equal([]);
    });

    it('blockMarkdone refuses markdone with the warning and a markdone event; unblockMarkdone lifts it', async () => {
      await crm.subscribe('markdone');
      await ok('interaction.blockMarkdone', ['w-1', 'Save the case first']);
      await refused('interaction.markdone', ['w-1'], 'MARKDONE_BLOCKED', /^Save the case first$/);
      expect(crm.events('markdone').map((e) => e.data)).to.deep.equal([{ interactionId: 'w-1', warningMessage: 'Save the case first' }]);
      expect(store.calls.map((c) => c.method)).to.deep.equal(['blockMarkdone']);
      await ok('interaction.unblockMarkdone', ['w-1']);
      await ok('interaction.markdone', ['w-1']);
      expect(store.calls.map((c) => c.method)).to.deep.equal(['blockMarkdone', 'unblockMarkdone', 'wrapup']);
    });

    it('a block placed while ending is honoured before the wrap-up', async () => {
      store.react = (method, args) => {
        if (method === 'end') {
          store.patch(args[0] as string, { pending: { command: 'end', since: 1 } });
          setTimeout(() => {
            store.patch(args[0] as string, { markdoneBlocked: 'Wait' });
            store.patch(args[0] as string, { pending: undefined, state: 'WRAPPING_UP', wrapUpRequired: true });
          }, 0);
        }
      };
      await refused('interaction.markdone', ['i-1'], 'MARKDONE_BLOCKED', /Wait/);
      expect(store.calls.map((c) => c.method)).to.deep.equal(['end']);
    });

    it('blockMarkdone needs a warning and a live interaction', async () => {
      await refused('interaction.blockMarkdone', ['w-1'], 'INVALID_PARAMETERS', /warningMessage/);
      await refused('interaction.blockMarkdone', ['nope', 'x'], 'NOT_FOUND');
      await refused('interaction.unblockMarkdone', ['nope'], 'NOT_FOUND');
      expect(store.calls).to.deep.equal([]);
    });
  });

  it('selectCaseByCaseId selects and sends CASE_SELECTED (also when already selected)', async () => {
    await crm.subscribe('interaction');
    crm.clear();
    await ok('interaction.selectCaseByCaseId', ['c-1']);
    await ok('interaction.selectCaseByCaseId', ['c-1']);
    expect(crm.events('interaction').map((e) => e.data)).to.deep.equal([
      { eventType: 'CASE_SELECTED', selectedCaseId: 'c-1' },
      { eventType: 'CASE_SELECTED', selectedCaseId: 'c-1' },
    ]);
    expect(store.selectedTask?.id).to.equal('c-1');
    await refused('interaction.selectCaseByCaseId', ['nope'], 'NOT_FOUND');
  });
});

describe('bridge service: agent, voice and system methods', () => {
  let store: FakeStore;
  let service: BridgeService;
  let crm: PortClient;
  beforeEach(() => {
    store = new FakeStore([task('i-1'), task('c-1', { media: 'chat' }), task('i-2', { state: 'OFFERED' })]);
    service = startBridgeService(store, { origins: CRM });
    crm = new PortClient(CRM);
  });
  afterEach(() => service.stop());

  const data = async (method: string, params: unknown[] = []): Promise<unknown> => {
    const r = await crm.call(method, params);
    expect(r!.errorMessage, String(r!.errorMessage)).to.equal(undefined);
    return r!.data;
  };
  const code = async (method: string, params: unknown[] = []): Promise<unknown> => (await crm.call(method, params))!.errorCode;

  it('agent.get / getState / getStateList', async () => {
    expect(await data('agent.get')).to.deep.equal({
      agentId: 'agent-1',
      name: 'Ada Agent',
      teamName: 'Team',
      state: { state: 'Available', since: 1000 },
    });
    expect(await data('agent.getState')).to.deep.equal({ state: 'Available', since: 1000 });
    expect(await data('agent.getStateList')).to.deep.equal([
      { state: 'Available', name: 'Available' },
      { state: 'Idle', reasonCodeId: 'idle-lunch', name: 'Lunch' },
      { state: 'Idle', reasonCodeId: 'idle-meeting', name: 'Meeting' },
    ]);
  });

  it('agent.setState: Available, Idle with or without a code; refuses bad names and codes', async () => {
    await data('agent.setState', ['Available']);
    await data('agent.setState', ['idle', 'idle-meeting']);
    await data('agent.setState', ['NotReady']);
    expect(await code('agent.setState', ['Engaged'])).to.equal('INVALID_PARAMETERS');
    expect(await code('agent.setState', ['Idle', 'no-such-code'])).to.equal('INVALID_PARAMETERS');
    expect(await code('agent.setState', ['Available', 'idle-lunch'])).to.equal('INVALID_PARAMETERS');
    expect(await code('agent.setState', [])).to.equal('INVALID_PARAMETERS');
    expect(store.calls).to.deep.equal([
      { method: 'setAgentState', args: ['Available'] },
      { method: 'setAgentState', args: ['Idle', 'idle-meeting'] },
      { method: 'setAgentState', args: ['Idle'] },
    ]);
  });

  it('voice.* map to call controls on the given or the selected voice interaction', async () => {
    await data('voice.answer', ['i-2']);
    await data('voice.hold', ['i-1']);
    await data('voice.resume');
    await data('voice.pauseCallRecording', ['i-1']);
    await data('voice.resumeCallRecording', ['i-1']);
    await data('voice.hangUp', ['i-1']);
    await data('voice.dial', ['+15550123']);
    await data('voice.dial', ['+15550123', 'ani-1']);
    expect(store.calls).to.deep.equal([
      { method: 'accept', args: ['i-2'] },
      { method: 'hold', args: ['i-1'] },
      { method: 'resume', args: ['i-1'] },
      { method: 'pauseRecording', args: ['i-1'] },
      { method: 'resumeRecording', args: ['i-1'] },
      { method: 'end', args: ['i-1'] },
      { method: 'outdial', args: ['+15550123'] },
      { method: 'outdial', args: ['+15550123', 'ani-1'] },
    ]);
  });

  it('voice.* refuse other media, unknown ids and bad parameters', async () => {
    expect(await code('voice.hold', ['c-1'])).to.equal('INVALID_PARAMETERS');
    expect(await code('voice.hold', ['nope'])).to.equal('NOT_FOUND');
    expect(await code('voice.hold', [7])).to.equal('INVALID_PARAMETERS');
    expect(await code('voice.dial', [])).to.equal('INVALID_PARAMETERS');
    expect(await code('voice.dial', ['+1555', 'ani-1', 'x'])).to.equal('INVALID_PARAMETERS');
    expect(store.calls).to.deep.equal([]);
  });

  it('every method of the protocol is served (none answers UNKNOWN_REQUEST)', async () => {
    const { ALL_METHODS } = await import('../../src/bridge/protocol.js');
    for (const m of ALL_METHODS) {
      const r = await crm.call(m, ['zz-no-such-id', 'x', 'y', 'z', 'w']);
      expect(r, m).not.to.equal(undefined);
      expect(r!.errorCode, m).not.to.equal('UNKNOWN_REQUEST');
    }
  });
});
