/** String ids survive export and import; never auto-increment. */
export function newId(): string {
  return crypto.randomUUID();
}
