import common, { type Sentences as CommonSentences } from './common.js';
import agent, { type Sentences as AgentSentences } from './agent.js';
import tasks, { type Sentences as TaskSentences } from './tasks.js';
import controls, { type Sentences as ControlSentences } from './controls.js';
import conversation, { type Sentences as ConversationSentences } from './conversation.js';
import desk, { type Sentences as DeskSentences } from './desk.js';

/** Every sentence written in English where it is used: its own message id (type only). */
export type Sentence =
  | CommonSentences
  | AgentSentences
  | TaskSentences
  | ControlSentences
  | ConversationSentences
  | DeskSentences;

/**
 * A sentence may belong to one part only: the same sentence in two parts would be one message
 * with two translations, and the second would silently win. The type checker refuses that here;
 * give one of them a key instead.
 */
type Shared =
  | (CommonSentences & (AgentSentences | TaskSentences | ControlSentences))
  | (AgentSentences & (TaskSentences | ControlSentences))
  | (TaskSentences & ControlSentences)
  | (ConversationSentences & (CommonSentences | AgentSentences | TaskSentences | ControlSentences))
  | (DeskSentences & (CommonSentences | AgentSentences | TaskSentences | ControlSentences | ConversationSentences));
type OnlyNever<T extends never> = T;
export type NoSentenceInTwoParts = OnlyNever<Shared>;

/**
 * The en table: only the messages looked up by a key built at run time (a media channel, a task
 * state, an error code, a control's name …). English sentences need no table.
 */
export default { ...common, ...agent, ...tasks, ...controls, ...conversation, ...desk };
