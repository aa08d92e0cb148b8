import { askEarly } from '../early-replies';
import { popupTabId } from './popup-tab';

/* The popup's first script (ui/early-replies.ts; built as src/ui/popup/early.js): what Popup.tsx asks for first. */
askEarly({ type: 'ui.store.health' });
askEarly({ type: 'ui.overview' });
void popupTabId().then((tabId) => tabId !== null && askEarly({ type: 'ui.tab.state', tabId }));
