/**
 * The simulated contact center (the embedded default backend) and its clocks.
 * @module
 */
export { SimulatedContactCenter } from './simulated-contact-center.js';
export type { SimulatorOptions, OfferOptions, ConsultOfferOptions, PrimaryAction } from './simulated-contact-center.js';
export { VirtualClock, realClock, VIRTUAL_EPOCH } from './clock.js';
export type { Clock } from './clock.js';
export type { SimCommand, FaultOptions } from './faults.js';
export { Random } from './random.js';
export { defaultProfile, RONA_CODE_ID } from './profile.js';
export { directoryView } from './directory.js';
export { simulatorOptions, type SimulatorAttributes } from './attributes.js';
