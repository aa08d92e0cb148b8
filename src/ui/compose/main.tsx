import { render } from 'preact';
import { t, uiLanguage } from '../../shared/i18n';
import { Compose } from './Compose';
import './compose.css';

// Not mountPage: the form keeps the look it has had in pages (annotate.css), not the extension pages' theme.
document.documentElement.lang = uiLanguage();
document.title = t('composeTitle');
render(<Compose />, document.getElementById('app')!);
