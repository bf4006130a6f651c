import { defineKind, spec } from './define';

export const documentTypes = ['ai-policy', 'policy', 'procedure', 'process', 'plan', 'record', 'other'] as const;

/** 5.2, A.2 and 7.5: documented information with owner, approval, review cycle and version history. */
export const documentKind = defineKind({
  kind: 'document',
  section: 'support',
  refPrefix: 'DOC',
  fields: {
    type: spec.choice('Type', documentTypes, 'policy'),
    version: spec.text('Version'),
    approver: spec.text('Approver'),
    approvedOn: spec.date('Approved on'),
    reviewMonths: spec.number('Review interval (months)', true),
    nextReview: spec.date('Next review'),
    status: spec.choice('Status', ['draft', 'in-review', 'approved', 'retired'], 'draft'),
    location: spec.text('Location', true),
    summary: spec.long('Summary'),
  },
  rows: {
    versions: {
      column: 'Version history',
      fields: { version: spec.text('Version'), date: spec.date('Date'), change: spec.long('What changed'), by: spec.text('By') },
      summary: (r: Record<string, unknown>) => [r.version, r.date, r.change].filter(Boolean).join(' · '),
    },
  },
  tasks: [{ date: 'nextReview', done: (r) => r.status === 'retired' }],
  defaultItems: ['7.5.2', '7.5.3'],
  listColumns: ['type', 'version', 'status', 'nextReview'],
  closed: (r) => r.status === 'retired',
});

/** 6.2: measurable AI objectives and how they are doing. */
export const objectiveKind = defineKind({
  kind: 'objective',
  section: 'planning',
  refPrefix: 'OBJ',
  fields: {
    description: spec.long('Description'),
    measure: spec.text('Measure', true),
    target: spec.number('Target'),
    unit: spec.text('Unit'),
    direction: spec.choice('Better when', ['higher', 'lower'], 'higher'),
    due: spec.date('Due'),
    status: spec.choice('Status', ['planned', 'on-track', 'at-risk', 'achieved', 'dropped'], 'planned'),
    plan: spec.long('What will be done, with what resources'),
  },
  rows: {
    readings: {
      column: 'Measurements',
      fields: { date: spec.date('Date'), value: spec.number('Value'), note: spec.text('Note') },
      summary: (r: Record<string, unknown>) => `${r.date ?? ''}: ${r.value ?? ''}`,
    },
  },
  tasks: [{ date: 'due', done: (r) => r.status === 'achieved' || r.status === 'dropped' }],
  defaultItems: ['6.2'],
  listColumns: ['measure', 'target', 'due', 'status'],
  closed: (r) => r.status === 'achieved' || r.status === 'dropped',
});

/** 6.3: planned changes to the AIMS. */
export const changeKind = defineKind({
  kind: 'change',
  section: 'planning',
  refPrefix: 'CH',
  fields: {
    description: spec.long('Description'),
    reason: spec.long('Why'),
    consequences: spec.long('Possible consequences', true),
    resources: spec.long('Resources and responsibilities'),
    plannedOn: spec.date('Planned for'),
    status: spec.choice('Status', ['planned', 'in-progress', 'done', 'cancelled'], 'planned'),
  },
  tasks: [{ date: 'plannedOn', done: (r) => r.status === 'done' || r.status === 'cancelled' }],
  defaultItems: ['6.3'],
  listColumns: ['plannedOn', 'status'],
  closed: (r) => r.status === 'done' || r.status === 'cancelled',
});

/** 7.2: the competence each AI role needs and the evidence a person has it. */
export const competenceKind = defineKind({
  kind: 'competence',
  section: 'support',
  refPrefix: 'CMP',
  fields: {
    role: spec.text('Role'),
    required: spec.long('Competence needed'),
    evidence: spec.long('Evidence of competence', true),
    acquiredOn: spec.date('Acquired on'),
    renewBy: spec.date('Renew by'),
    status: spec.choice('Status', ['competent', 'in-training', 'gap'], 'gap'),
  },
  tasks: [{ date: 'renewBy', done: () => false }],
  defaultItems: ['7.2', 'A.4.6'],
  listColumns: ['role', 'status', 'renewBy'],
});

/** 7.3: awareness activities. */
export const awarenessKind = defineKind({
  kind: 'awareness',
  section: 'support',
  refPrefix: 'AW',
  fields: {
    audience: spec.text('Audience'),
    topics: spec.long('Topics', true),
    method: spec.choice('Method', ['training', 'briefing', 'e-learning', 'newsletter', 'intranet', 'other'], 'training'),
    heldOn: spec.date('Held on'),
    participants: spec.number('Participants'),
    nextOn: spec.date('Next session'),
  },
  tasks: [{ date: 'nextOn', done: () => false }],
  defaultItems: ['7.3'],
  listColumns: ['audience', 'method', 'heldOn', 'nextOn'],
});

/** 7.4: the communication plan: what, when, with whom, how, and who. */
export const communicationKind = defineKind({
  kind: 'communication',
  section: 'support',
  refPrefix: 'COM',
  fields: {
    audience: spec.text('With whom'),
    direction: spec.choice('Internal or external', ['internal', 'external'], 'internal'),
    when: spec.text('When', true),
    how: spec.text('How'),
    nextOn: spec.date('Next occasion'),
    notes: spec.long('Notes'),
  },
  tasks: [{ date: 'nextOn', done: () => false }],
  defaultItems: ['7.4'],
  listColumns: ['audience', 'direction', 'when', 'how'],
});
