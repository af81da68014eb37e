/** Set at build time (vite.config.ts): tells two builds apart in the update flow. */
declare const __BUILD_ID__: string;

declare module 'virtual:deck' {
  /** URL of the card data built from content/ (a hashed, precached JSON asset). */
  const cardsUrl: string;
  export default cardsUrl;
}
