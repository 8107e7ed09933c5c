/**
 * What the task elements say about a task: who the customer is, how to reach them, the queue,
 * who is consulting. Read from the task's payload only; every value is customer or backend data
 * and must be rendered through Lit text bindings.
 * @module
 */
import type { Task } from '../../model/index.js';

/** The value when it is text with something other than white space in it, else undefined. */
export const nonEmpty = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** The customer's name, when the contact center knows it. */
export function customerName(task: Task): string | undefined {
  const interaction = task.data.interaction;
  const fromDetails = nonEmpty(interaction?.callProcessingDetails?.customerName);
  if (fromDetails) return fromDetails;
  const customer = Object.values(interaction?.participants ?? {}).find((p) => p.pType === 'Customer');
  return nonEmpty(customer?.name);
}

/** The customer's number (voice) or address (email, chat, social). */
export function customerAddress(task: Task): string | undefined {
  const cpd = task.data.interaction?.callProcessingDetails;
  if (!cpd) return undefined;
  return task.media === 'telephony'
    ? nonEmpty(cpd.displayAni) ?? nonEmpty(cpd.ani) ?? nonEmpty(cpd.customerNumber)
    : nonEmpty(cpd.fromAddress) ?? nonEmpty(cpd.displayAni) ?? nonEmpty(cpd.ani);
}

/** The name, else the number or address, else undefined (say "unknown customer"). */
export function customerLabel(task: Task): string | undefined {
  return customerName(task) ?? customerAddress(task);
}

/** The queue the task came through. */
export function queueName(task: Task): string | undefined {
  return nonEmpty(task.data.queueName) ?? nonEmpty(task.data.interaction?.callProcessingDetails?.virtualTeamName);
}

/** For a consult offer: the name of the agent who consults us, when known. */
export function consultingAgentName(task: Task): string | undefined {
  const interaction = task.data.interaction;
  const id = task.data.consultingAgentId;
  const participant = id ? interaction?.participants?.[id] : undefined;
  return nonEmpty(participant?.name) ?? nonEmpty(interaction?.callProcessingDetails?.parent_Agent_Name);
}
