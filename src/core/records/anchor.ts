import { z } from 'zod';

/** How an annotation or report finds its element again: selector → text quote (fuzzy) → position. */
export const Anchor = z.strictObject({
  selector: z.string().max(2000),
  quote: z.strictObject({
    exact: z.string().max(500),
    prefix: z.string().max(32),
    suffix: z.string().max(32),
  }),
  /** Offset of the quote in the page's text, the last resort. */
  position: z.number().int().nonnegative(),
});
export type Anchor = z.infer<typeof Anchor>;
