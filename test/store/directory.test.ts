import { expect } from '@open-wc/testing';
import type { ContactCenter } from '../../src/backends/contact-center.js';
import type { Directory } from '../../src/model/index.js';
import { DirectoryStore } from '../../src/store/directory.js';
import { FakeBackend } from '../fixtures/fake-backend.js';
import { rejection } from './helpers.js';
import { errorsOf, storeState } from './modules.js';

describe('DirectoryStore', () => {
  const setUp = () => {
    const state = storeState();
    const backend = new FakeBackend();
    const directory = new DirectoryStore(state, backend as ContactCenter);
    const seen: Directory[] = [];
    directory.directory$.subscribe((value) => seen.push(value));
    return { state, backend, directory, seen, errors: errorsOf(state) };
  };

  it('is empty until loaded, then publishes what the backend answers', async () => {
    const { backend, directory, seen } = setUp();
    expect(directory.current).to.deep.equal({ agents: [], queues: [], entryPoints: [] });
    await directory.refresh();
    expect(directory.current).to.deep.equal(backend.directoryValue);
    expect(seen).to.deep.equal([{ agents: [], queues: [], entryPoints: [] }, backend.directoryValue]);
  });

  it('the same directory again is not published again', async () => {
    const { backend, directory, seen } = setUp();
    const same = backend.directoryValue;
    backend.directory = () => Promise.resolve(same);
    await directory.refresh();
    await directory.refresh();
    expect(seen).to.have.length(2);
  });

  it('a failed load is reported and rejects; the directory stays', async () => {
    const { backend, directory, errors } = setUp();
    backend.fail('directory');
    const error = await rejection(directory.refresh());
    expect(error).to.include({ code: 'BACKEND_ERROR', command: 'directory' });
    expect(errors).to.deep.equal([error]);
    expect(directory.current.agents).to.deep.equal([]);
  });

  it('stop completes directory$; refresh is refused afterwards', async () => {
    const { state, backend, directory } = setUp();
    let completed = false;
    directory.directory$.subscribe({ complete: () => (completed = true) });
    state.stop();
    directory.stop();
    expect(completed).to.equal(true);
    expect((await rejection(directory.refresh())).code).to.equal('INVALID_STATE');
    expect(backend.callsOf('directory')).to.deep.equal([]);
  });
});
