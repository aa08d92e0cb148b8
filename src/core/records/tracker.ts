import { z } from 'zod';
import { GITHUB_REPO } from '../exchange/issue-tracker';

/** Where "Open a GitHub issue" goes: a repository the person names; none until they do. */
export const IssueTracker = z.strictObject({ githubRepo: z.string().regex(GITHUB_REPO, 'Not owner/name').nullable() });
export type IssueTracker = z.infer<typeof IssueTracker>;
