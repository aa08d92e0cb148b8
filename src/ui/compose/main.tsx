import { render } from 'preact';
import { t, uiLanguage } from '../../shared/i18n';
import { Compose } from './Compose';
import './compose.css';

// Not mountPage: this page is a transparent frame in a studied page, without the extension pages' theme.
document.documentElement.lang = uiLanguage();
document.title = t('composeTitle');
render(<Compose />, document.getElementById('app')!);
