/**
 * Bounds the forms show before the worker's schemas check them, outside records/: the popup loads no zod
 * (test/unit/layers.test.ts), and importing a schema's module would run them all.
 */

/** A name people give (a persona, a study, an off-site touchpoint): `Name` in records/common.ts. */
export const NAME_MAX_CHARS = 120;
