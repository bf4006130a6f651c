/**
 * Why an encrypted bundle (src/io/bundle/crypto-container.ts) is damaged or uses settings this
 * version does not accept: the `reason` of its problems, worded as io.detail.enc* by
 * src/i18n/problem-text.ts. The other params are numbers or a quoted value from the file's header.
 */
export const containerDetailCodes = [
  // container-damaged
  'enc-too-short',
  'enc-header-length',
  'enc-header-past-end',
  'enc-no-ciphertext',
  'enc-header-not-json',
  'enc-header-shape',
  'enc-salt',
  'enc-iv',
  // container-unsupported
  'enc-version',
  'enc-kdf',
  'enc-cipher',
  'enc-hash',
  'enc-key-length',
  'enc-tag-length',
  'enc-iterations',
] as const;
export type ContainerDetailCode = (typeof containerDetailCodes)[number];
