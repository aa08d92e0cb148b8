import { z } from 'zod';
import { StudySettings } from '../../core/records/settings';
import { t, uiLanguage, type MessageKey } from '../../shared/i18n';
import type { FieldIssue } from './issues';
import { fromLines, toLines } from './lines';

/** How a threshold is typed: stored as the schema says (ms, px, a count), shown in the unit that reads best. */
type Unit = 'count' | 'px' | 'ms' | 's' | 'min';
const FACTOR: Record<Unit, number> = { count: 1, px: 1, ms: 1, s: 1000, min: 60_000 };

export interface NumberSpec {
  /** Path inside `StudySettings`, e.g. ['rageClick', 'clicks']. */
  path: readonly [string] | readonly [string, string];
  unit: Unit;
  label: MessageKey;
  hint: MessageKey;
}

export type FrictionGroup = { legend: MessageKey; fields: readonly NumberSpec[] } | { legend: MessageKey; patterns: true };

const num = (path: NumberSpec['path'], unit: Unit, label: MessageKey, hint: MessageKey): NumberSpec => ({ path, unit, label, hint });

/** The pacing of all of a study's surveys; the surveys section links here rather than repeating it. */
export const SURVEY_GAP = num(['surveyGapMs'], 'min', 'optionsFrictionSurveyGapLabel', 'optionsFrictionSurveyGapHint');

/** PRODUCT.md §3, in the order a researcher meets the signals. */
export const FRICTION_GROUPS: readonly FrictionGroup[] = [
  {
    legend: 'optionsFrictionRageLegend',
    fields: [
      num(['rageClick', 'clicks'], 'count', 'optionsFrictionRageClicksLabel', 'optionsFrictionRageClicksHint'),
      num(['rageClick', 'intervalMs'], 'ms', 'optionsFrictionRageIntervalLabel', 'optionsFrictionRageIntervalHint'),
      num(['rageClick', 'radiusPx'], 'px', 'optionsFrictionRageRadiusLabel', 'optionsFrictionRageRadiusHint'),
    ],
  },
  {
    legend: 'optionsFrictionDeadLegend',
    fields: [
      num(['deadClick', 'timeoutMs'], 's', 'optionsFrictionDeadTimeoutLabel', 'optionsFrictionDeadTimeoutHint'),
      num(['deadClick', 'scrollWindowMs'], 'ms', 'optionsFrictionDeadScrollLabel', 'optionsFrictionDeadScrollHint'),
      num(['deadClick', 'selectionWindowMs'], 'ms', 'optionsFrictionDeadSelectionLabel', 'optionsFrictionDeadSelectionHint'),
      num(['deadClick', 'focusWindowMs'], 'ms', 'optionsFrictionDeadFocusLabel', 'optionsFrictionDeadFocusHint'),
      num(['deadClick', 'giveUpMs'], 's', 'optionsFrictionDeadGiveUpLabel', 'optionsFrictionDeadGiveUpHint'),
      num(['slowClickMs'], 's', 'optionsFrictionSlowClickLabel', 'optionsFrictionSlowClickHint'),
    ],
  },
  { legend: 'optionsFrictionErrorsLegend', fields: [num(['errorClickMs'], 's', 'optionsFrictionErrorClickLabel', 'optionsFrictionErrorClickHint')] },
  {
    legend: 'optionsFrictionPagesLegend',
    fields: [
      num(['slowPageLcpMs'], 's', 'optionsFrictionSlowPageLabel', 'optionsFrictionSlowPageHint'),
      num(['quickBackMs'], 's', 'optionsFrictionQuickBackLabel', 'optionsFrictionQuickBackHint'),
      num(['idleTimeoutMs'], 'min', 'optionsFrictionIdleLabel', 'optionsFrictionIdleHint'),
    ],
  },
  {
    legend: 'optionsFrictionScrollLegend',
    fields: [
      num(['excessiveScroll', 'reversals'], 'count', 'optionsFrictionReversalsLabel', 'optionsFrictionReversalsHint'),
      num(['excessiveScroll', 'windowMs'], 's', 'optionsFrictionReversalWindowLabel', 'optionsFrictionReversalWindowHint'),
    ],
  },
  { legend: 'optionsFrictionSoft404Legend', patterns: true },
  { legend: 'optionsFrictionSurveyLegend', fields: [SURVEY_GAP] },
];

const NUMBER_FIELDS = FRICTION_GROUPS.flatMap((group) => ('fields' in group ? group.fields : []));

/** The section as typed: each number in its display unit, keyed by `keyOf`; patterns one per line. */
export interface FrictionDraft {
  numbers: Record<string, string>;
  patterns: string;
}

export const keyOf = (spec: NumberSpec) => spec.path.join('.');
export const frictionFieldId = (spec: NumberSpec) => `friction-${spec.path.join('-')}`;
export const PATTERNS_ID = 'friction-soft404Patterns';
export const FRICTION_SUMMARY_ID = 'friction-settings-summary';

export const DEFAULT_SETTINGS: StudySettings = StudySettings.parse({});

const unwrap = (schema: z.ZodType): z.ZodType => (schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault ? unwrap(schema.unwrap() as z.ZodType) : schema);

/** The schema's own limits for a field, so the inputs can never disagree with what saving accepts. */
function schemaOf(spec: NumberSpec): z.ZodNumber {
  let schema: z.ZodType = StudySettings;
  for (const key of spec.path) schema = unwrap((schema as z.ZodObject).shape[key] as z.ZodType);
  return schema as z.ZodNumber;
}

/** Bounds and step in the unit the field shows; `whole` when only whole numbers make sense there. */
export function limitsOf(spec: NumberSpec): { min: number; max: number; whole: boolean } {
  const schema = schemaOf(spec);
  const factor = FACTOR[spec.unit];
  return { min: (schema.minValue ?? 0) / factor, max: (schema.maxValue ?? Number.MAX_SAFE_INTEGER) / factor, whole: schema.isInt && factor === 1 };
}

function read(settings: StudySettings, spec: NumberSpec): number {
  const [head, leaf] = spec.path;
  const value = (settings as Record<string, unknown>)[head];
  return (leaf === undefined ? value : (value as Record<string, unknown>)[leaf]) as number;
}

export const defaultAmount = (spec: NumberSpec) => read(DEFAULT_SETTINGS, spec) / FACTOR[spec.unit];

export function formatAmount(value: number): string {
  return new Intl.NumberFormat(uiLanguage(), { maximumFractionDigits: 3 }).format(value);
}

export function frictionDraft(settings: StudySettings): FrictionDraft {
  const numbers = Object.fromEntries(NUMBER_FIELDS.map((spec) => [keyOf(spec), String(read(settings, spec) / FACTOR[spec.unit])]));
  return { numbers, patterns: fromLines(settings.soft404Patterns) };
}

/** Typed text back to the stored unit; blank or not a number stays NaN for the schema to refuse. */
function toStored(text: string, unit: Unit): number {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  // Seconds and minutes are converted to whole milliseconds; counts, ms and px go to the schema as typed.
  return FACTOR[unit] === 1 ? value : Math.round(value * FACTOR[unit]);
}

/** What goes to the schema as `settings`; keys this form does not show are kept from the stored study. */
export function frictionInput(draft: FrictionDraft, saved: StudySettings | undefined): Record<string, unknown> {
  const input: Record<string, unknown> = { ...(saved ? JSON.parse(JSON.stringify(saved)) : {}), soft404Patterns: toLines(draft.patterns) };
  for (const spec of NUMBER_FIELDS) {
    const [head, leaf] = spec.path;
    const value = toStored(draft.numbers[keyOf(spec)] ?? '', spec.unit);
    if (leaf === undefined) input[head] = value;
    else input[head] = { ...(input[head] as object | undefined), [leaf]: value };
  }
  return input;
}

/** How many thresholds differ from the defaults (the patterns count as one). */
export function changedCount(draft: FrictionDraft): number {
  const numbers = NUMBER_FIELDS.filter((spec) => toStored(draft.numbers[keyOf(spec)] ?? '', spec.unit) !== read(DEFAULT_SETTINGS, spec)).length;
  return numbers + (JSON.stringify(toLines(draft.patterns)) === JSON.stringify(DEFAULT_SETTINGS.soft404Patterns) ? 0 : 1);
}

/** A schema issue under `settings` (path without that head) in plain words, tied to its input. */
export function describeSettingIssue(issue: z.core.$ZodIssue, path: readonly PropertyKey[], draft: FrictionDraft): FieldIssue {
  const spec = NUMBER_FIELDS.find((s) => s.path.length === path.length && s.path.every((key, i) => key === path[i]));
  if (spec) {
    const { min, max, whole } = limitsOf(spec);
    const message = t(whole ? 'optionsFrictionErrorWhole' : 'optionsFrictionErrorNumber', formatAmount(min), formatAmount(max));
    return { fieldId: frictionFieldId(spec), where: t(spec.label), message };
  }
  if (path[0] === 'soft404Patterns') {
    const where = t('optionsFrictionPatternsLabel');
    const limit = 'maximum' in issue ? String(issue.maximum) : '';
    if (typeof path[1] !== 'number') return { fieldId: PATTERNS_ID, where, message: t('optionsFrictionErrorTooManyPatterns', limit) };
    const line = toLines(draft.patterns)[path[1]] ?? '';
    return { fieldId: PATTERNS_ID, where, message: t('optionsFrictionErrorPatternTooLong', line.slice(0, 24), limit) };
  }
  return { fieldId: FRICTION_SUMMARY_ID, where: t('optionsFrictionHeading'), message: issue.message };
}
