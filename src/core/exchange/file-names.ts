/*
 * What exported files are called. Apart from the export's schema (study-export.ts) so that the pages which only
 * name files (the map's export bar) load no zod: it and every schema would run before their first frame.
 */

/** Where a report's screenshot is in a report bundle, and what the feedback CSV names it by. */
export const screenshotFileName = (screenshotId: string): string => `screenshots/${screenshotId}.png`;

export function exportFileName(studyName: string, at: number): string {
  const slug = studyName.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'study';
  return `journey-lens-${slug}-${new Date(at).toISOString().slice(0, 10)}.json`;
}
