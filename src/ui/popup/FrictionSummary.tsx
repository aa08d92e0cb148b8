import { useState } from 'preact/hooks';
import type { SignalCounts } from '../../core/replies';
import type { Signal, SignalKind } from '../../core/records/signal';
import { t } from '../../shared/i18n';
import { SIGNAL_LABEL } from '../signal-labels';

interface Props {
  session: SignalCounts;
  visit: SignalCounts;
  latest: Signal[];
  now: number;
  /** The side panel's "show me": outlines the signal's element in the page; false when it is not there. */
  showMe?: (signal: Signal) => Promise<boolean>;
}

function ago(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return seconds < 60 ? t('popupSecondsAgo', seconds) : t('popupMinutesAgo', Math.round(seconds / 60));
}

/** Friction so far (the popup imports no zod: its schemas are the background's business, and heavy to load): counts per kind on this page and in the session, and the latest signals with their element. */
export function FrictionSummary({ session, visit, latest, now, showMe }: Props) {
  const [missing, setMissing] = useState<string | null>(null);
  const kinds = (Object.keys(SIGNAL_LABEL) as SignalKind[]).filter((kind) => session[kind]);
  if (!kinds.length) return <p class="muted" data-testid="friction-none">{t('popupNoFriction')}</p>;
  return (
    <>
      <table class="friction" data-testid="friction-counts">
        <caption class="visually-hidden">{t('popupFrictionCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('popupFrictionSignal')}</th>
            <th scope="col">{t('popupFrictionThisPage')}</th>
            <th scope="col">{t('popupFrictionSession')}</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map((kind) => (
            <tr key={kind} data-kind={kind}>
              <th scope="row">{t(SIGNAL_LABEL[kind])}</th>
              <td>{visit[kind] ?? 0}</td>
              <td>{session[kind]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('popupLatestSignals')}</h3>
      <ol class="plain latest" data-testid="latest-signals">
        {latest.map((signal) => (
          <li key={signal.id} data-kind={signal.kind}>
            <strong>{t(SIGNAL_LABEL[signal.kind])}</strong>{' '}
            <span class="muted">{signal.element?.name || signal.element?.selector || signal.pageKey}</span>{' '}
            <span class="muted">· {ago(now - signal.at)}</span>
            {showMe && signal.element && (
              <>
                {' '}
                <button
                  type="button"
                  class="link"
                  aria-label={t('panelShowMeNamed', t(SIGNAL_LABEL[signal.kind]))}
                  onClick={() => void showMe(signal).then((shown) => setMissing(shown ? null : signal.id), () => setMissing(signal.id))}
                >
                  {t('panelShowMe')}
                </button>
                {missing === signal.id && <span class="muted"> {t('panelShowMeMissing')}</span>}
              </>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
