import {
  addFileEvidence,
  addLinkEvidence,
  deleteEvidence,
  getEvidenceFile,
  linkEvidence,
  removeEvidenceFromItem,
  type EvidenceCode,
} from '../db/evidence-repo';
import { canOpenInBrowser, MAX_EVIDENCE_FILE_BYTES, type Evidence } from '../domain/evidence-schema';
import type { ProblemParams } from '../domain/problem';
import { problemsOf } from '../domain/result';
import { formatBytes, t, type MessageKey } from '../i18n/i18n';
import { app } from './app.svelte';
import { downloadBlob } from './download';

/**
 * What was wrong with an evidence entry, field by field ('title', 'url', 'file') and every problem at
 * once; null when it was stored. An unexpected failure goes to the error banner and leaves no message.
 */
export type EvidenceOutcome = Partial<Record<string, string>> | null;

function message(code: EvidenceCode, params?: ProblemParams): string {
  if (code === 'file-too-large')
    return t('validation.file-too-large', { size: formatBytes(Number(params?.size ?? 0)), max: formatBytes(MAX_EVIDENCE_FILE_BYTES) });
  return t(`validation.${code}` as MessageKey);
}

async function run(work: () => ReturnType<typeof addLinkEvidence>): Promise<EvidenceOutcome> {
  try {
    const r = await work();
    return r.ok ? null : Object.fromEntries(problemsOf(r).map((p) => [p.field ?? '', message(p.code, p.params)]));
  } catch (e) {
    app.report(e);
    return {};
  }
}

/** `recordId` attaches the evidence to a management-system record as well as to the item. */
export function addLink(ws: string, itemId: string, title: string, url: string, recordId?: string): Promise<EvidenceOutcome> {
  return run(() => addLinkEvidence(ws, itemId, title, url, recordId));
}

export function addFile(ws: string, itemId: string, title: string, file: File | null, recordId?: string): Promise<EvidenceOutcome> {
  return run(() => addFileEvidence(ws, itemId, title, file ? { name: file.name, type: file.type, size: file.size, blob: file } : null, recordId));
}

export async function removeEvidence(id: string): Promise<void> {
  try {
    await deleteEvidence(id);
  } catch (e) {
    app.report(e);
  }
}

/** Links evidence held elsewhere in the workspace to one more item, without attaching it again. */
export async function linkExistingEvidence(id: string, itemId: string): Promise<void> {
  try {
    await linkEvidence(id, itemId);
  } catch (e) {
    app.report(e);
  }
}

/** Takes evidence off one item: the other items that use it keep it (and its file). */
export async function removeEvidenceFrom(id: string, itemId: string): Promise<void> {
  try {
    await removeEvidenceFromItem(id, itemId);
  } catch (e) {
    app.report(e);
  }
}

/** Always a download with a neutral type: the browser never renders it in our origin. */
export async function downloadEvidence(ev: Extract<Evidence, { kind: 'file' }>): Promise<void> {
  const blob = await getEvidenceFile(ev.id);
  if (!blob) return app.report(new Error(`evidence file ${ev.fileName} is missing`));
  downloadBlob(new Blob([blob], { type: 'application/octet-stream' }), ev.fileName);
}

/** Opens only types that cannot run script (PDF, images, plain text); everything else downloads. */
export async function openEvidence(ev: Extract<Evidence, { kind: 'file' }>): Promise<void> {
  if (!canOpenInBrowser(ev.mediaType)) return downloadEvidence(ev);
  const blob = await getEvidenceFile(ev.id);
  if (!blob) return app.report(new Error(`evidence file ${ev.fileName} is missing`));
  const url = URL.createObjectURL(new Blob([blob], { type: ev.mediaType.split(';')[0]!.trim().toLowerCase() }));
  window.open(url, '_blank', 'noopener');
  // Give the new tab time to read the bytes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export { canOpenInBrowser };
