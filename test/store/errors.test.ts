import { expect } from '@open-wc/testing';
import { BackendError } from '../../src/backends/contact-center.js';
import { fromFailedEvent, fromRejection, isErrorCode, timeoutError } from '../../src/store/errors.js';

describe('store errors', () => {
  it('takes the code of a BackendError when it is an ErrorCode', () => {
    const error = fromRejection(new BackendError('not allowed', 'FORBIDDEN'), 'hold', 7, 't1');
    expect(error).to.deep.equal({ code: 'FORBIDDEN', command: 'hold', taskId: 't1', message: 'Hold failed: not allowed', at: 7 });
  });

  it('falls back to BACKEND_ERROR for unknown codes, plain errors and odd values', () => {
    expect(fromRejection(new BackendError('x', 'E_WEIRD'), 'end', 1).code).to.equal('BACKEND_ERROR');
    expect(fromRejection(new Error('boom'), 'end', 1).message).to.equal('End failed: boom');
    expect(fromRejection('plain', 'end', 1).message).to.equal('End failed: plain');
    expect(fromRejection(undefined, 'end', 1).message).to.equal('End failed: unknown error');
    expect(fromRejection(undefined, 'end', 1)).not.to.have.property('taskId');
  });

  it('recognises error codes only', () => {
    expect(isErrorCode('TIMEOUT')).to.equal(true);
    expect(isErrorCode('toString')).to.equal(false);
    expect(isErrorCode(3)).to.equal(false);
  });

  it('words failed events and timeouts', () => {
    expect(fromFailedEvent('AgentContactHoldFailed', 'hold', 'media busy', 3, 't1').message).to.equal('Hold failed: media busy');
    expect(fromFailedEvent('AgentContactHoldFailed', 'hold', undefined, 3).message).to.contain('AgentContactHoldFailed');
    const timeout = timeoutError('accept', 15_000, 9, 't1');
    expect(timeout.code).to.equal('TIMEOUT');
    expect(timeout.message).to.contain('15 s');
  });
});
