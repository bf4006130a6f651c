/** UI strings for one area; merged into the catalogue by ../messages-en.ts. */
export const criteria = {
  'criteria.placeholder': '',
} as const;
