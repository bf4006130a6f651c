/** A catalog text file without its guidance (the `catalogTitles` plugin in vite.config.ts); validated where loaded. */
declare module '*.json?titles' {
  const titles: unknown;
  export default titles;
}
