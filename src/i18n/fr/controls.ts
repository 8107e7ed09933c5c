import type { Part } from '../types.js';
import type en from '../en/controls.js';

export default {} satisfies Part<typeof en>;
