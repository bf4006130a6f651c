import { EditConflictError } from '../db/errors';
import type { FieldConflict } from '../domain/edit-conflict';
import { app } from './app.svelte';
import { queueSave } from './autosave';

/**
 * What this tab believes one field holds while the user edits it: first the stored value the
 * editor started from (its "base"), then each value this tab wrote. A save sends that belief
 * along; the repository refuses the write when the stored value has moved on (another tab), and
 * the user chooses which version to keep. A new focus on the field starts a new session.
 */
export interface EditMeta {
  /** The stored value when this edit began. */
  base: unknown;
  /** Changes with every new edit of the field (a new focus, a new pick). */
  session: number;
  /** The field's label, for the question to the user. */
  label: string;
}

let sessions = 0;
export const nextSession = (): number => ++sessions;

const known = new Map<string, { session: number; value: unknown }>();

/** The value a save of `key` expects to find stored. */
export function expectedFor(key: string, edit: EditMeta): unknown {
  const k = known.get(key);
  if (k && k.session === edit.session) return k.value;
  known.set(key, { session: edit.session, value: edit.base });
  return edit.base;
}

/** The value a key's write is storing right now: a closing tab cannot tell whether it landed. */
const writing = new Map<string, { value: unknown }>();

/** `expectedFor` without noting anything: what a save of `key` in this edit would expect now. */
function expectedNow(key: string, edit: EditMeta): unknown {
  const k = known.get(key);
  return k && k.session === edit.session ? k.value : edit.base;
}

export function noteWritten(key: string, session: number, value: unknown): void {
  known.set(key, { session, value });
}

export interface ConflictPrompt {
  record: string;
  field: string;
  conflicts: FieldConflict[];
  keepMine(): void;
  keepTheirs(): void;
}

/** The command that replays a save (`op`, see save-replay.ts) and its leading arguments (the record's ids). */
export interface Replay {
  op: string;
  target: string[];
}

type Write<P> = (patch: P, expected: Record<string, unknown> | undefined) => Promise<unknown>;

/**
 * Autosaves a patch under `key`. With `edit` (a one-field patch from an editor), the write checks
 * that nobody else changed the field since this edit began; on a conflict nothing is written
 * and the user is asked. `after` receives what the write returned (a rule's refusal, say).
 * Everything a write needs travels with its value: a key's queue keeps the first write function
 * it was given, so nothing per call may hide in a closure. `replay` names the command that can
 * make this save again on the next start, should the tab close before it is written.
 */
export function checkedSave<P extends Record<string, unknown>>(
  key: string,
  patch: P,
  edit: EditMeta | undefined,
  write: Write<P>,
  onError: (e: unknown) => void,
  after?: (result: unknown) => void,
  replay?: Replay,
): void {
  void queueSave(
    key,
    async ({ patch: p, edit: e, after: done }: { patch: P; edit: EditMeta | undefined; after: ((result: unknown) => void) | undefined }) => {
      const fields = Object.keys(p);
      const field = e && fields.length === 1 ? fields[0]! : null;
      const expected = field && e ? { [field]: expectedFor(key, e) } : undefined;
      if (field) writing.set(key, { value: p[field] });
      try {
        const result = await write(p, expected);
        const refused = typeof result === 'object' && result !== null && (result as { ok?: unknown }).ok === false;
        if (field && e && !refused) noteWritten(key, e.session, p[field]);
        done?.(result);
      } catch (err) {
        if (!(err instanceof EditConflictError) || !field || !e) throw err;
        app.askConflict({
          record: err.label,
          field: e.label,
          conflicts: err.conflicts,
          keepMine: () => checkedSave(key, p, undefined, write, onError, done, replay),
          keepTheirs: () => noteWritten(key, e.session, err.conflicts[0]?.theirs),
        });
      } finally {
        writing.delete(key);
      }
    },
    { patch, edit, after },
    onError,
    replay &&
      (() => ({
        key,
        ...replay,
        patch,
        ...(edit ? { edit: { base: expectedNow(key, edit), label: edit.label, ...(writing.has(key) ? { writing: writing.get(key) } : {}) } } : {}),
      })),
  );
}
