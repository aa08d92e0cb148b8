import type { StageRule } from '../../core/records/stage-rule';
import type { Stage } from '../../core/records/study';
import { t } from '../../shared/i18n';
import { KIND_SHORT } from './rule-check';
import { stageLabel } from './study-draft';
import type { RuleNote, UrlTest } from './url-test';

interface Props {
  url: string;
  title: string;
  result: UrlTest;
  stages: readonly Stage[];
  onUrl: (url: string) => void;
  onTitle: (title: string) => void;
}

function ruleText(rule: StageRule, position: number): string {
  return t('optionsTestRuleFull', position, t(KIND_SHORT[rule.kind]), rule.pattern);
}

function Result({ result, stages }: { result: UrlTest; stages: readonly Stage[] }) {
  if (result.kind === 'empty') return <p class="muted">{t('optionsTestEmpty')}</p>;
  if (result.kind === 'invalid') return <p class="error">{t('optionsTestInvalid')}</p>;
  const { match } = result;
  const index = stages.findIndex((s) => s.id === match.stageId);
  const stage = stages[index];
  const note = (item: RuleNote, key: 'optionsTestPageOnly' | 'optionsTestSkipped') => (
    <li key={item.rule.id}>{t(key, ruleText(item.rule, item.position), item.message)}</li>
  );
  return (
    <>
      <dl class="test-facts">
        <dt>{t('optionsTestStage')}</dt>
        <dd>
          {stage ? <span class="badge stage">{stageLabel(stage, index + 1)}</span> : <span class="badge">{t('optionsTestUntagged')}</span>}
        </dd>
        <dt>{t('optionsTestRuleLabel')}</dt>
        <dd>
          {result.rule ? (
            <>
              {t('optionsTestRuleName', result.rule.position, t(KIND_SHORT[result.rule.rule.kind]))} <code>{result.rule.rule.pattern}</code>
            </>
          ) : (
            t('optionsTestNoRule')
          )}
        </dd>
        <dt>{t('optionsTestPageKey')}</dt>
        <dd>
          <code>{match.pageKey}</code>
        </dd>
      </dl>
      {!result.inScope && <p class="warning">{t('optionsTestOutOfScope')}</p>}
      {(result.pageOnly.length > 0 || result.problems.length > 0) && (
        <ul class="test-notes">
          {result.pageOnly.map((item) => note(item, 'optionsTestPageOnly'))}
          {result.problems.map((item) => note(item, 'optionsTestSkipped'))}
        </ul>
      )}
    </>
  );
}

/** Which stage and touchpoint a URL would get from the rules as they stand in the editor, saved or not. */
export function UrlTester({ url, title, result, stages, onUrl, onTitle }: Props) {
  return (
    <section class="tester" aria-labelledby="tester-heading">
      <h4 id="tester-heading">{t('optionsTestHeading')}</h4>
      <p class="hint">{t('optionsTestIntro')}</p>
      <div class="two-col">
        <div class="field">
          <label for="test-url">{t('optionsTestUrlLabel')}</label>
          <input id="test-url" type="url" class="mono" spellcheck={false} autocomplete="off" placeholder="https://shop.example.com/product/42" value={url} onInput={(e) => onUrl(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="test-title">{t('optionsTestTitleLabel')}</label>
          <input id="test-title" type="text" autocomplete="off" value={title} onInput={(e) => onTitle(e.currentTarget.value)} />
        </div>
      </div>
      <div class="test-result" data-testid="url-test-result" role="status" aria-live="polite">
        <Result result={result} stages={stages} />
      </div>
    </section>
  );
}
