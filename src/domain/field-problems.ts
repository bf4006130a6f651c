import type { z } from 'zod';

/**
 * Why a value cannot be stored in a field, checked against the record's own schema: every field of a
 * patch at once, so a form can show every problem together instead of one per attempt.
 */
export type FieldProblemCode = 'required' | 'too-long' | 'invalid';

export interface FieldProblem {
  field: string;
  code: FieldProblemCode;
  /** For 'too-long': the most characters the field holds. */
  max?: number;
}

/** One problem per refused field, in the patch's order; fields the shape does not know are left to the repository. */
export function patchProblems(shape: Readonly<Record<string, z.ZodType>>, patch: Readonly<Record<string, unknown>>): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const [field, value] of Object.entries(patch)) {
    const schema = shape[field];
    if (!schema) continue;
    const r = schema.safeParse(value);
    if (r.success) continue;
    const issue = r.error.issues[0];
    if (issue?.code === 'too_small' && issue.origin === 'string') out.push({ field, code: 'required' });
    else if (issue?.code === 'too_big' && issue.origin === 'string') out.push({ field, code: 'too-long', max: Number(issue.maximum) });
    else out.push({ field, code: 'invalid' });
  }
  return out;
}
