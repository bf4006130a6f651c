/** Errors a user can cause are values with a string code, never thrown. */
export type Result<T, Code extends string = string> = { ok: true; value: T } | { ok: false; code: Code; field?: string; params?: Record<string, string | number> };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<Code extends string>(code: Code, field?: string, params?: Record<string, string | number>): { ok: false; code: Code; field?: string; params?: Record<string, string | number> } {
  return { ok: false, code, ...(field ? { field } : {}), ...(params ? { params } : {}) };
}
