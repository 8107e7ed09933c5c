import type { Part } from '../types.js';
import type en from '../en/tasks.js';

export default {} satisfies Part<typeof en>;
