import { expect } from '@open-wc/testing';
import type { ContactCenter } from '../../src/backends/contact-center.js';
import { outdial } from '../../src/store/outdial.js';
import { FakeBackend, profile } from '../fixtures/fake-backend.js';
import { rejection } from './helpers.js';
import { errorsOf, storeState, taskFrom } from './modules.js';

describe('outdial', () => {
  const setUp = ({ connected = true } = {}) => {
    const state = storeState({ connected });
    const backend = new FakeBackend();
    return { state, backend, errors: errorsOf(state), dial: (number: string, ani?: string) => outdial(state, backend as ContactCenter, number, ani) };
  };

  it('dials the number as the dial plan normalises it, with the chosen caller id', async () => {
    const { backend, dial } = setUp();
    await dial('(555) 0123', 'ani-1');
    expect(backend.callsOf('outdial')).to.deep.equal([[{ destination: '5550123', origin: '+15550100' }]]);
  });

  it('refuses without calling the backend, each with its reason', async () => {
    expect((await rejection(setUp({ connected: false }).dial('5550123'))).message).to.equal('Outdial refused: not connected');
    const { state, backend, dial, errors } = setUp();
    expect((await rejection(dial('12'))).code).to.equal('INVALID_PARAMETERS');
    expect((await rejection(dial('5550123', 'ani-9'))).message).to.equal('Outdial refused: unknown caller id "ani-9"');
    state.commit([taskFrom('t1')]);
    expect((await rejection(dial('5550123'))).message).to.equal('Outdial refused: a call is already in progress');
    state.setAgent({ ...state.agent, profile: profile({ outdial: { enabled: false, entryPointId: '', anis: [] } }) });
    expect((await rejection(dial('5550123'))).code).to.equal('FORBIDDEN');
    expect(backend.callsOf('outdial')).to.deep.equal([]);
    expect(errors).to.have.length(4);
  });

  it('a rejected call is reported and rejects', async () => {
    const { backend, dial, errors } = setUp();
    backend.fail('outdial');
    const error = await rejection(dial('5550123'));
    expect(error).to.include({ code: 'BACKEND_ERROR', command: 'outdial' });
    expect(errors).to.deep.equal([error]);
  });
});
