import { render, type ComponentChild } from 'preact';
import './theme.css';
import { t, uiLanguage, type MessageKey } from '../shared/i18n';

/** Every extension page starts the same way: language, title, then the Preact tree. */
export function mountPage(titleKey: MessageKey, app: ComponentChild): void {
  document.documentElement.lang = uiLanguage();
  document.title = t(titleKey);
  render(app, document.getElementById('app')!);
}
