/** SHA-256 (hex, shortened) of the source a build was made from (`define` in vite.config.ts). */
declare const __AIMS_SOURCE__: string;
