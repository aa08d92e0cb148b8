import type { VisitProposal } from '../../core/messages';
import type { ContentReplies } from '../../core/replies';
import type { Study } from '../../core/records/study';
import { storableUrl } from '../../core/journey/route';
import { inScope } from '../../core/journey/scope';
import { matchPageRules } from '../../core/journey/page-rules';
import { pageRules } from '../../core/journey/stage-match';
import type { WorkerDeps } from '../deps';
import type { Db } from '../store/schema';
import { storeFailureOf } from '../store-health';
import { journalEvents } from './ingest';

type Started = ContentReplies['content.hello']['started'];

/**
 * Starts the visit a page proposed with its first hello, as its first batch would have: one message fewer on
 * every page load (PRODUCT.md §8). Only a visit of the page's own load during the session is started here; a
 * page loaded before the session, or going on with a visit, enters its own. The visit is of `url`, the storable
 * URL the page asked from, tagged by URL (the sender's, query included, as the page matches it) and title: a
 * selector rule is the page's to apply, by a retag. A store that takes no writes starts nothing: the page then
 * sends the start itself and retries it like any event.
 */
export async function startProposedVisit(
  db: Db,
  url: string,
  proposal: VisitProposal,
  study: Study,
  session: { id: string; startedAt: number },
  sender: { url: string; tabId: number },
  open: { id: string } | null,
  deps: WorkerDeps,
): Promise<Started> {
  // The page may have routed on since it asked: the visit is of the URL it asked from, its query unknown then.
  const at = storableUrl(sender.url) === url ? sender.url : url;
  const { pageKey, stageId, ruleId } = matchPageRules(pageRules(study.rules), { url: at, title: proposal.title });
  const started = { pageKey, stageId, ruleId };
  // An earlier try of this hello started it; its answer was lost.
  if (open?.id === proposal.id) return started;
  if (open || proposal.enteredAt < session.startedAt || !inScope(at, study.scope)) return null;
  const { eventId, id, title, arrival, enteredAt, referrer } = proposal;
  const visit = { id, studyId: study.id, sessionId: session.id, url, title, pageKey, stageId, ruleId, arrival, enteredAt };
  const referred = arrival === 'navigate' && referrer !== '' && inScope(referrer, study.scope);
  try {
    const { journaled } = await journalEvents(db, [{ kind: 'visit.start', eventId, visit, referred }], sender, deps);
    if (!journaled.length) return null;
  } catch (error) {
    if (!storeFailureOf(error)) throw error;
    return null;
  }
  deps.teamSync.changed();
  return started;
}
