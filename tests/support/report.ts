import type { ReportInput } from '../../src/io/bundle/bundle-report';
import { shippedCatalog } from './catalog';
import { makeAiSystem, makeAssessment, makeRisk, makeWorkspace } from './factories';

export const catalog = shippedCatalog();
export const HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '</style>', 'javascript:alert(1)'];
export const EVIL = HOSTILE.join(' ');

/** Every register included, none of the newer ones filled: tests add what they look at. */
export const ALL_INCLUDED: ReportInput['included'] = {
  soa: true,
  risks: true,
  aiSystems: true,
  ownControls: true,
  impactAssessments: true,
  managementSystem: true,
  walkthrough: true,
  evidence: true,
};

/** A small workspace: one SoA answer, two risks, one AI system. */
export function reportInput(overrides: Partial<ReportInput> = {}): ReportInput {
  const workspace = makeWorkspace({ name: 'Acme AI' });
  const system = makeAiSystem(workspace.id, { name: 'Claims triage', purpose: 'Sort claims' });
  return {
    catalog,
    workspace,
    assessments: [makeAssessment(workspace.id, { itemId: 'A.2.2', justification: 'Board asked for it', owner: 'Dana' })],
    risks: [
      makeRisk(workspace.id, { ref: 'R-010', title: 'Tenth risk' }),
      makeRisk(workspace.id, { ref: 'R-001', title: 'First risk', annexAControls: ['A.6.2.4'], aiSystemIds: [system.id], treatment: 'modify' }),
    ],
    aiSystems: [system],
    ownControls: [],
    impactAssessments: [],
    cycleRecords: [],
    evidence: [],
    attachments: new Map(),
    dataFiles: { risks: 'data/risks.json', aiSystems: 'data/ai-systems.json' },
    exportedAt: '2025-02-01T09:30:00.000Z',
    appVersion: '0.1.0',
    included: ALL_INCLUDED,
    locale: 'en',
    ...overrides,
  };
}

/** The text a reader sees: no tags, no attribute values (an attachment's link target may hold its folder id). */
export function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** One section of the report by its id. */
export const sectionOf = (html: string, id: string) => new RegExp(`<section id="${id}">[\\s\\S]*?</section>(?=<section id=|\\s*</main>)`).exec(html)?.[0] ?? '';
