import type { Part } from '../types.js';
import type en from '../en/agent.js';

export default {} satisfies Part<typeof en>;
