import type { z } from 'zod';
import { fromZodIssue, type Problem } from './problem';

/**
 * Why a value cannot be stored in a field, checked against the record's own schema: every field of a
 * patch at once, so a form can show every problem together instead of one per attempt.
 */
export type FieldProblemCode = 'required' | 'too-long' | 'invalid';

/** A problem of one field (the one problem shape, with its field always named); 'too-long' carries `params.max`. */
export type FieldProblem = Problem<FieldProblemCode> & { field: string };

/** One problem per refused field, in the patch's order; fields the shape does not know are left to the repository. */
export function patchProblems(shape: Readonly<Record<string, z.ZodType>>, patch: Readonly<Record<string, unknown>>): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const [field, value] of Object.entries(patch)) {
    const schema = shape[field];
    if (!schema) continue;
    const r = schema.safeParse(value);
    if (r.success) continue;
    const issue = r.error.issues[0];
    const p = issue ? fromZodIssue(issue) : undefined;
    if (p?.code === 'required') out.push({ field, code: 'required' });
    else if (p?.code === 'too-long') out.push({ field, code: 'too-long', params: { max: p.params?.max ?? 0 } });
    else out.push({ field, code: 'invalid' });
  }
  return out;
}
