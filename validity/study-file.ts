import type { z } from 'zod';
import { EXPORT_FORMAT, EXPORT_VERSION, type StudyExport } from '../src/core/exchange/study-export';

const STAGES: Array<[string, string[]]> = [
  ['Discover', ['/', '/shop', '/journal', '/journal/:slug', '/stories', '/about']],
  ['Choose', ['/product/:slug', '/search']],
  ['Basket', ['/cart']],
  ['Checkout', ['/checkout']],
  ['Order placed', ['/order/confirmed']],
];

/**
 * The study a researcher would import for these walks: both sites in scope (loopback 127.0.0.1 only, so the
 * partner page on localhost is out of scope), a few stages by path, and "Order placed" as the goal.
 */
export function validityStudyFile(siteUrls: readonly string[], now: number): z.input<typeof StudyExport> {
  const stages = STAGES.map(([name]) => ({ id: crypto.randomUUID(), name, customerGoal: '', desiredExperience: '' }));
  const rules = STAGES.flatMap(([, paths], i) => paths.map((pattern) => ({ id: crypto.randomUUID(), stageId: stages[i]!.id, kind: 'path' as const, pattern, keepQuery: false })));
  const study = {
    id: crypto.randomUUID(),
    name: 'Validity walks',
    scope: siteUrls.map((url) => `${url}/*`),
    stages,
    rules,
    goalStageId: stages.at(-1)!.id,
    createdAt: now,
    updatedAt: now,
  };
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now, study, personas: [], sessions: [], visits: [], signals: [], responses: [], annotations: [], feedback: [], offsite: [] };
}
