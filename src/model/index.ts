export * from './seed-types.js';
export * from './events.js';
export * from './domain.js';
