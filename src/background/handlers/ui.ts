import type { UiRequest } from '../../core/messages';
import type { UiReplies } from '../../core/replies';
import type { HandlerTable } from '../handler';
import { COMPOSE_HANDLERS } from './compose';
import { DATA_HANDLERS } from './data';
import { SESSION_HANDLERS } from './sessions';
import { STUDY_HANDLERS } from './studies';

/** Every request of the extension's pages: a type missing here, or answered with another's reply, does not compile. */
export const UI_HANDLERS: HandlerTable<UiRequest, UiReplies> = { ...STUDY_HANDLERS, ...SESSION_HANDLERS, ...DATA_HANDLERS, ...COMPOSE_HANDLERS };
