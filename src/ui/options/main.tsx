import { requestLastMapEarly } from '../dashboard/map-request';
import { mountPage } from '../mount';
import { Options } from './Options';
import './options.css';

// Before the page is drawn: the map it most often opens on is on its way meanwhile.
requestLastMapEarly();
mountPage('optionsTitle', <Options />);
