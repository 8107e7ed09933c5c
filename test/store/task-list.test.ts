import { expect } from '@open-wc/testing';
import type { Task, TaskState } from '../../src/model/index.js';
import { TaskList } from '../../src/store/task-list.js';

const task = (id: string, state: TaskState, rev = 1): Task =>
  ({ id, state, rev, media: 'telephony', muted: false, recording: 'STOPPED', activeLeg: 'main', wrapUpRequired: false, times: {}, data: {} }) as unknown as Task;
const final = (t: Task): boolean => t.state === 'COMPLETED' || t.state === 'TERMINATED';
const ids = (list: TaskList): string[] => list.all.map((t) => t.id);

describe('TaskList', () => {
  it('keeps arrival order when tasks are replaced', () => {
    const list = new TaskList();
    list.apply([task('a', 'OFFERED'), task('b', 'OFFERED'), task('c', 'CONNECTED')], [], final);
    list.apply([task('a', 'CONNECTED', 2)], [], final);
    expect(ids(list)).to.deep.equal(['a', 'b', 'c']);
    expect(list.get('a')?.state).to.equal('CONNECTED');
  });

  it('answers a new array only when something changed', () => {
    const list = new TaskList();
    list.apply([task('a', 'CONNECTED')], [], final);
    const before = list.all;
    expect(list.apply([], [], final)).to.deep.equal([]);
    expect(list.all).to.equal(before);
    expect(list.apply([before[0] as Task], [], final), 'the same object is no change').to.deep.equal([]);
    expect(list.all).to.equal(before);
    list.apply([task('a', 'HELD', 2)], [], final);
    expect(list.all).not.to.equal(before);
    expect(Object.isFrozen(list.all)).to.equal(true);
  });

  it('drops final tasks and reports them once, ignoring final tasks it never held', () => {
    const list = new TaskList();
    list.apply([task('a', 'CONNECTED'), task('b', 'CONNECTED')], [], final);
    const changed = list.apply([task('a', 'COMPLETED', 2), task('z', 'TERMINATED')], [], final);
    expect(changed.map((t) => t.id)).to.deep.equal(['a']);
    expect(ids(list)).to.deep.equal(['b']);
    expect(list.apply([task('a', 'COMPLETED', 3)], [], final)).to.deep.equal([]);
  });

  it('selects the first non-offered task, else the first, and keeps a live selection', () => {
    const list = new TaskList();
    list.apply([task('a', 'OFFERED')], [], final);
    expect(list.selected?.id).to.equal('a');
    list.apply([task('b', 'CONNECTED')], [], final);
    expect(list.selected?.id, 'a live selection is kept').to.equal('a');
    list.apply([], [task('a', 'OFFERED')], final);
    expect(list.selected?.id).to.equal('b');
    list.apply([task('c', 'OFFERED'), task('d', 'HELD')], [], final);
    list.apply([task('b', 'COMPLETED', 2)], [], final);
    expect(list.selected?.id, 'prefers the held task over the earlier offer').to.equal('d');
    list.apply([], [task('c', 'OFFERED'), task('d', 'HELD')], final);
    expect(list.selected).to.equal(undefined);
  });

  it('select ignores unknown ids and the current selection', () => {
    const list = new TaskList();
    list.apply([task('a', 'CONNECTED'), task('b', 'CONNECTED')], [], final);
    expect(list.select('nope')).to.equal(false);
    expect(list.select('a')).to.equal(false);
    expect(list.select('b')).to.equal(true);
    expect(list.selected?.id).to.equal('b');
  });
});
