/**
 * The gadget's entry (bundled to dist/gadget.js beside dist/gadget.html): registers the
 * elements, then starts the gadget from its deployed configuration.
 * @module
 */
import '../index.js';
import { bootGadget } from './gadget.js';

void bootGadget();
