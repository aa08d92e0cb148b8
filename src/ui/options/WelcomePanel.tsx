import { DEMO_SITE_SCOPE } from '../../core/journey/demo-study';
import { t } from '../../shared/i18n';

interface Props {
  busy: boolean;
  onCreateDemo: () => void;
  onNewStudy: () => void;
}

/** First run: what a study is, and two ways to get one. */
export function WelcomePanel({ busy, onCreateDemo, onNewStudy }: Props) {
  const demoOrigin = DEMO_SITE_SCOPE[0]?.replace(/\/\*$/, '') ?? '';
  return (
    <section class="panel welcome" aria-labelledby="welcome-heading">
      <h3 id="welcome-heading">{t('optionsWelcomeHeading')}</h3>
      <p>{t('optionsWelcomeIntro')}</p>
      <p class="muted">{t('optionsWelcomeDemo', demoOrigin)}</p>
      <div class="actions start">
        <button type="button" class="primary" data-testid="create-demo-study" disabled={busy} onClick={onCreateDemo}>
          {t('optionsCreateDemo')}
        </button>
        <button type="button" disabled={busy} onClick={onNewStudy}>
          {t('optionsNewStudy')}
        </button>
      </div>
    </section>
  );
}
