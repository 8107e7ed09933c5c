/**
 * The elements about the selected task, as one chunk of dist/cc-desk.js loaded with the desk's
 * first task (see src/elements/desk-chunks.ts): one request, and they compress better together.
 * @module
 */
import './wrapup-form/wrapup-form.js';
import './task-details/task-details.js';
import './conversation/conversation.js';
