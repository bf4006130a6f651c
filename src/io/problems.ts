/**
 * Problems a user's file can cause, as values: a string code plus where it was found. Importers
 * collect them into a report instead of throwing one at a time. `file` is the path inside the
 * bundle (or the file name), `record` the record id or row, `field` the field path.
 */
export interface IoProblem {
  code: string;
  file?: string;
  record?: string;
  field?: string;
  /** Extra facts for the message (sizes, limits, expected values). */
  detail?: string;
}

export function problem(code: string, where: Omit<IoProblem, 'code'> = {}): IoProblem {
  return { code, ...where };
}
