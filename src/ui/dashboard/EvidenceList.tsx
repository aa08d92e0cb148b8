import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { formatDuration, formatEmotion, formatShare } from '../../core/journey-map/format';
import type { Evidence } from '../../core/journey-map/evidence';
import type { Signal } from '../../core/records/signal';
import type { SurveyResponse } from '../../core/records/response';
import type { Visit } from '../../core/records/visit';
import { INSTRUMENTS } from '../../core/surveys/instruments';
import { dateTime } from './date-format';
import { t, type MessageKey } from '../../shared/i18n';
import { SIGNAL_LABEL } from '../signal-labels';
import { ANNOTATION_LABEL, CHANNEL_LABEL, INSTRUMENT_LABEL } from './labels';
import { EMPTY_SUMMARY, type TextSummary } from '../../core/text/voice';
import { isVerbatim } from '../../core/journey-map/evidence';
import { SentimentTag, VoiceSummary } from './VoiceSummary';

/** Records listed per kind; a long study can have thousands behind a cell, and the CSV export has them all. */
const LIMIT = 200;

const ENDED_LABEL: Record<NonNullable<Visit['endedBy']>, MessageKey> = {
  link: 'dashboardEndedLink',
  navigation: 'dashboardEndedNavigation',
  back_forward: 'dashboardEndedBack',
  reload: 'dashboardEndedReload',
  route_change: 'dashboardEndedRoute',
  left_scope: 'dashboardEndedLeftScope',
  tab_closed: 'dashboardEndedTabClosed',
  session_stopped: 'dashboardEndedSessionStopped',
};

interface Props {
  evidence: Evidence;
  /** Session id → who walked it, for the line under each record. */
  walker: (sessionId: string | null) => string | null;
}

function Section<T>({ heading, items, render }: { heading: string; items: readonly T[]; render: (item: T) => ComponentChildren }) {
  if (!items.length) return null;
  return (
    <section class="evidence-section">
      <h3>
        {heading} <span class="count">{items.length}</span>
      </h3>
      <ul class="plain evidence-items">{items.slice(0, LIMIT).map(render)}</ul>
      {items.length > LIMIT && <p class="hint">{t('dashboardEvidenceLimited', LIMIT, items.length)}</p>}
    </section>
  );
}

function Meta({ parts }: { parts: Array<string | null | false | undefined> }) {
  return <span class="evidence-meta">{parts.filter(Boolean).join(' · ')}</span>;
}

function answer(r: SurveyResponse): string {
  if (r.instrument === 'open_text') return `“${r.text ?? ''}”`;
  if (r.value === null) return t('dashboardNoData');
  if (r.instrument === 'emotion') return formatEmotion(r.value);
  return t('dashboardAnswerOf', r.value, INSTRUMENTS[r.instrument].scale.max);
}

function detail(signal: Signal): string | null {
  const entries = Object.entries(signal.detail);
  return entries.length ? entries.map(([k, v]) => `${k}: ${String(v)}`).join(', ') : null;
}

/** The records behind a cell, by kind, oldest first; all text people or pages wrote is rendered as text. */
export function EvidenceList({ evidence, walker }: Props) {
  const { offsite } = evidence;
  // What people wrote behind this cell or touchpoint: the touchpoint's themes and mix, each text's sentiment. The
  // analysis loads with the first evidence opened (its lexicons are built as it loads), not with the map.
  const [summary, setSummary] = useState<{ of: Evidence; voice: TextSummary } | null>(null);
  useEffect(() => {
    let current = true;
    const texts = [...evidence.responses.filter(isVerbatim).map((r) => ({ id: r.id, text: r.text ?? '' })), ...evidence.annotations];
    void import('../../core/text/summary').then(({ summarizeTexts }) => current && setSummary({ of: evidence, voice: summarizeTexts(texts) }));
    return () => {
      current = false;
    };
  }, [evidence]);
  const voice = summary?.of === evidence ? summary.voice : EMPTY_SUMMARY;
  return (
    <>
      {voice.mean !== null && (
        <section class="evidence-section" data-testid="evidence-voice">
          <h3>{t('dashboardWrittenSentiment')}</h3>
          <VoiceSummary voice={voice} />
        </section>
      )}
      {offsite && (
        <section class="evidence-section">
          <h3>{t('dashboardOffsiteHeading')}</h3>
          <p>
            <strong>{t(CHANNEL_LABEL[offsite.channel])}:</strong> {offsite.name}
          </p>
          {offsite.note && <p class="evidence-text">{offsite.note}</p>}
          <p class="hint">{t('dashboardOffsiteNotMeasured')}</p>
        </section>
      )}
      <Section
        heading={t('dashboardEvidenceSignals')}
        items={evidence.signals}
        render={(s) => (
          <li key={s.id}>
            <strong>{t(SIGNAL_LABEL[s.kind])}</strong>
            {s.element && (
              <>
                {' '}
                · {s.element.name || <code>{s.element.selector}</code>}
                {s.element.name && <code class="selector">{s.element.selector}</code>}
              </>
            )}
            <Meta parts={[dateTime(s.at), s.pageKey, walker(s.sessionId), detail(s)]} />
          </li>
        )}
      />
      <Section
        heading={t('dashboardEvidenceNotes')}
        items={evidence.annotations}
        render={(a) => (
          <li key={a.id}>
            <strong>{t(ANNOTATION_LABEL[a.type])}:</strong> <span class="evidence-text">{a.text}</span> <SentimentTag sentiment={voice.sentiments[a.id]} />
            <Meta parts={[dateTime(a.createdAt), a.pageKey, walker(a.sessionId), a.status === 'resolved' && t('dashboardResolved'), a.orphaned && t('dashboardOrphaned')]} />
          </li>
        )}
      />
      <Section
        heading={t('dashboardEvidenceResponses')}
        items={evidence.responses}
        render={(r) => (
          <li key={r.id}>
            <strong>{t(INSTRUMENT_LABEL[r.instrument])}:</strong> <span class="evidence-text">{answer(r)}</span> <SentimentTag sentiment={voice.sentiments[r.id]} />
            <Meta parts={[dateTime(r.at), r.pageKey, walker(r.sessionId)]} />
          </li>
        )}
      />
      <Section
        heading={t('dashboardEvidenceVisits')}
        items={evidence.visits}
        render={(v) => (
          <li key={v.id}>
            <code>{v.pageKey}</code> <span class="evidence-text">{v.title}</span>
            <Meta
              parts={[
                dateTime(v.enteredAt),
                walker(v.sessionId),
                v.leftAt !== null && t('dashboardStayed', formatDuration(v.leftAt - v.enteredAt)),
                t('dashboardScrolled', formatShare(v.maxScrollDepth)),
                v.endedBy && t(ENDED_LABEL[v.endedBy]),
              ]}
            />
          </li>
        )}
      />
    </>
  );
}
