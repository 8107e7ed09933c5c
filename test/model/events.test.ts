import { expect } from '@open-wc/testing';
import { isTaskEventName, TASK_EVENTS } from '../../src/model/events.js';

describe('event names', () => {
  it('recognises every task event name and nothing else', () => {
    for (const name of TASK_EVENTS) expect(isTaskEventName(name)).to.equal(true);
    expect(isTaskEventName('AgentStateChange')).to.equal(false);
    expect(isTaskEventName('__proto__')).to.equal(false);
    expect(isTaskEventName('')).to.equal(false);
  });
});
