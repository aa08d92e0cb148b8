/// <reference types="vite/client" />

// crxjs turns `file.ts?script` into the built path of a content script, for scripting.* calls.
declare module '*?script' {
  const path: string;
  export default path;
}
