import { assessmentSchema, type Assessment } from '../../src/domain/assessment-schema';
import { evidenceSchema, type Evidence } from '../../src/domain/evidence-schema';
import { profileSchema, soaMetaSchema, workspaceSchema, type Workspace } from '../../src/domain/workspace-schema';
import type { EvidenceFileInput } from '../../src/db/evidence-repo';

/** Valid records, built by parsing through the schemas so a schema change breaks the factory, not the test. */

const TS = '2025-01-15T10:00:00.000Z';

export function makeWorkspace(overrides: Partial<Workspace> = {}): Workspace {
  return workspaceSchema.parse({
    id: crypto.randomUUID(),
    name: 'Acme AI',
    createdAt: TS,
    updatedAt: TS,
    catalogVersion: '1.0.0',
    profile: profileSchema.parse({ organizationName: 'Acme AI', size: 'small', aiRoles: ['ai-provider'] }),
    soaMeta: soaMetaSchema.parse({ version: '1.0', date: '2025-01-10', approver: 'CISO' }),
    ...overrides,
  });
}

export function makeAssessment(workspaceId: string, overrides: Partial<Assessment> = {}): Assessment {
  return assessmentSchema.parse({
    id: crypto.randomUUID(),
    workspaceId,
    itemId: 'A.2.2',
    status: 'in-progress',
    notes: 'Policy drafted',
    owner: 'Dana',
    targetDate: '2025-06-30',
    applicable: true,
    justificationCategory: 'risk-treatment',
    justification: 'Needed to treat R-3',
    implementation: 'AI policy v1',
    updatedAt: TS,
    ...overrides,
  });
}

export function makeLinkEvidence(workspaceId: string, overrides: Partial<Evidence> = {}): Evidence {
  return evidenceSchema.parse({
    id: crypto.randomUUID(),
    workspaceId,
    itemId: 'A.2.2',
    title: 'Policy on the intranet',
    kind: 'link',
    url: 'https://intranet.example.com/ai-policy',
    addedAt: TS,
    ...overrides,
  });
}

export function makeFileEvidence(workspaceId: string, size: number, overrides: Partial<Evidence> = {}): Evidence {
  return evidenceSchema.parse({
    id: crypto.randomUUID(),
    workspaceId,
    itemId: 'A.2.2',
    title: 'Signed policy',
    kind: 'file',
    fileName: 'policy.pdf',
    mediaType: 'application/pdf',
    size,
    addedAt: TS,
    ...overrides,
  });
}

/** What the UI hands the repository for a picked file. */
export function makeFileInput(content: string | Uint8Array, name = 'policy.pdf', type = 'application/pdf'): EvidenceFileInput {
  const blob = new Blob([content as BlobPart], { type });
  return { name, type, size: blob.size, blob };
}

export async function bytesOf(blob: Blob | null | undefined): Promise<number[]> {
  if (!blob) throw new Error('expected a blob, got nothing');
  return [...new Uint8Array(await blob.arrayBuffer())];
}
