import type { UiRequest } from '../../core/messages';
import type { UiReplies } from '../../core/replies';
import type { HandlerTable } from '../handler';

type SyncRequests = Extract<UiRequest, { type: `ui.sync.${string}` }>;

/** A study's team sync: its status, turning it on and off, joining a shared study, picking a conflict's version. */
export const SYNC_HANDLERS: HandlerTable<SyncRequests, UiReplies> = {
  'ui.sync.get': { effect: 'reads', run: (request, { deps }) => deps.teamSync.status(request.studyId) },
  'ui.sync.lines': { effect: 'reads', run: (_request, { deps }) => deps.teamSync.lines() },
  'ui.sync.enable': { effect: 'reads', run: (request, { deps }) => deps.teamSync.enable(request.settings) },
  'ui.sync.disable': {
    effect: 'reads',
    async run(request, { deps }) {
      await deps.teamSync.disable(request.studyId);
      return null;
    },
  },
  'ui.sync.join': { effect: 'reads', run: (request, { deps }) => deps.teamSync.join(request.settings) },
  'ui.sync.resolve': { effect: 'reads', run: (request, { deps }) => deps.teamSync.resolve(request.studyId, request.docId, request.rev) },
};
