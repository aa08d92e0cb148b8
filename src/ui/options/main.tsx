import { mountPage } from '../mount';
import { Options } from './Options';
import './options.css';

mountPage('optionsTitle', <Options />);
