import { mountPage } from '../mount';
import { Popup } from './Popup';
import './popup.css';

mountPage('popupTitle', <Popup />);
