import { mountPage } from '../mount';
import { Popup } from '../popup/Popup';
import '../popup/popup.css';
import './panel.css';

// The side panel is the popup's console kept open beside the walk: it follows the active tab and refreshes fast.
mountPage('panelTitle', <Popup live />);
