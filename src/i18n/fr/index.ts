import common from './common.js';
import agent from './agent.js';
import tasks from './tasks.js';
import controls from './controls.js';
import conversation from './conversation.js';
import desk from './desk.js';

/** The fr catalog. */
export default { ...common, ...agent, ...tasks, ...controls, ...conversation, ...desk };
