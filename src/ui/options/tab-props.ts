import type { UiReplies } from '../../core/replies';

/** What every tab of the extension's page is given (Options.tsx renders them). */
export type Overview = UiReplies['ui.overview'];

export interface TabProps {
  overview: Overview;
  reload: () => Promise<void>;
  /** Says something politely to screen readers and shows it under the tab bar. */
  announce: (message: string) => void;
  /** The study the journey map shows (null: the map picks one). */
  mapStudyId: string | null;
  /** Shows a study's journey map. */
  showMap: (studyId: string) => void;
}
