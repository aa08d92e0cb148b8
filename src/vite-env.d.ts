/// <reference types="vite/client" />

/** True only in the end-to-end test build (vite.config.ts). */
declare const __JL_TEST_HOOKS__: boolean;

/** True only in the Firefox build (vite.config.ts): what differs is decided in src/platform. */
declare const __JL_FIREFOX__: boolean;
