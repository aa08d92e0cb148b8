/** What a framed compose page fires on its frame once its form is answered or gone: the side panel drops the frame. */
export const COMPOSE_DONE = 'journey-lens-compose-done';
