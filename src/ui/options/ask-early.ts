import { askEarly } from '../early-replies';
import { LAST_MAP_STUDY } from '../dashboard/last-map-study';

/*
 * The options page's first script (ui/early-replies.ts; built as src/ui/options/early.js): the overview, and
 * opened on the map, the unfiltered map of the study shown last, as dashboard/map-request.ts will ask for it.
 */
askEarly({ type: 'ui.overview' });
const studyId = localStorage.getItem(LAST_MAP_STUDY);
if (studyId && (location.hash === '' || location.hash === '#map')) askEarly({ type: 'ui.map', studyId, filter: {} });
