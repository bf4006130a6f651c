import { defineKind, nullableRef, spec } from './define';

/** 9.1: what is monitored, how and how often, with its readings. */
export const metricKind = defineKind({
  kind: 'metric',
  section: 'evaluation',
  refPrefix: 'MET',
  fields: {
    monitored: spec.long('What is monitored', true),
    method: spec.long('Method', true),
    frequency: spec.choice('Frequency', ['weekly', 'monthly', 'quarterly', 'half-yearly', 'yearly', 'ad-hoc'], 'quarterly'),
    threshold: spec.number('Target or threshold'),
    unit: spec.text('Unit'),
    direction: spec.choice('Better when', ['higher', 'lower'], 'higher'),
    analysedBy: spec.text('Analysed and evaluated by'),
    nextDue: spec.date('Next reading due'),
  },
  rows: {
    readings: {
      column: 'Readings',
      fields: { date: spec.date('Date'), value: spec.number('Value'), note: spec.text('Note') },
      summary: (r: Record<string, unknown>) => `${r.date ?? ''}: ${r.value ?? ''}`,
    },
  },
  tasks: [{ date: 'nextDue', done: () => false }],
  defaultItems: ['9.1'],
  listColumns: ['frequency', 'threshold', 'nextDue'],
});

export const auditResults = ['not-checked', 'conforming', 'observation', 'minor', 'major'] as const;

/** 9.2: audits of the programme, each with a checklist drawn from catalog items. */
export const auditKind = defineKind({
  kind: 'audit',
  section: 'evaluation',
  refPrefix: 'IA',
  fields: {
    programme: spec.text('Programme', true),
    scope: spec.long('Audit scope'),
    criteria: spec.long('Audit criteria', true),
    auditor: spec.text('Auditor'),
    plannedStart: spec.date('Planned start'),
    plannedEnd: spec.date('Planned end'),
    status: spec.choice('Status', ['planned', 'in-progress', 'completed', 'cancelled'], 'planned'),
    conclusion: spec.long('Conclusion'),
    reportedTo: spec.text('Results reported to'),
  },
  rows: {
    checklist: {
      column: 'Checklist',
      fields: { itemId: spec.item('Item'), result: spec.choice('Result', auditResults, 'not-checked'), note: spec.long('Audit evidence') },
      summary: (r: Record<string, unknown>) => `${r.itemId}: ${r.result}`,
    },
  },
  tasks: [{ date: 'plannedStart', done: (r) => r.status === 'completed' || r.status === 'cancelled' }],
  defaultItems: ['9.2.1', '9.2.2'],
  listColumns: ['programme', 'auditor', 'plannedStart', 'status'],
  closed: (r) => r.status === 'completed' || r.status === 'cancelled',
});

/** 9.2: what an audit found, linked to the clauses and controls concerned. */
export const findingKind = defineKind({
  kind: 'finding',
  section: 'evaluation',
  refPrefix: 'F',
  fields: {
    type: spec.choice('Type', ['major', 'minor', 'observation', 'improvement'], 'minor'),
    description: spec.long('Finding'),
    evidence: spec.long('Audit evidence'),
    status: spec.choice('Status', ['open', 'closed'], 'open'),
  },
  extra: { auditId: nullableRef() },
  defaultItems: ['9.2.2'],
  listColumns: ['type', 'status'],
  closed: (r) => r.status === 'closed',
});

export const reviewTopics = ['previous-actions', 'context-changes', 'party-needs', 'nonconformities', 'monitoring', 'audits', 'improvement'] as const;

/** 9.3: management reviews with their inputs, minutes, decisions and actions. */
export const reviewKind = defineKind({
  kind: 'review',
  section: 'evaluation',
  refPrefix: 'MR',
  fields: {
    heldOn: spec.date('Date'),
    status: spec.choice('Status', ['planned', 'held'], 'planned'),
    attendees: spec.long('Attendees'),
    minutes: spec.long('Minutes'),
    decisions: spec.long('Decisions', true),
  },
  rows: {
    inputs: {
      column: 'Inputs',
      fields: { topic: spec.choice('Topic', reviewTopics, 'previous-actions'), notes: spec.long('What was presented') },
      summary: (r: Record<string, unknown>) => `${r.topic}${r.notes ? ' ✓' : ''}`,
      initial: () => reviewTopics.map((topic) => ({ topic, notes: '' })),
    },
    actions: {
      column: 'Actions',
      fields: {
        action: spec.text('Action'),
        owner: spec.text('Owner'),
        due: spec.date('Due'),
        done: { ...spec.choice('Done', ['yes', 'no'], 'no'), optionPrefix: 'cycle.yesNo' },
      },
      summary: (r: Record<string, unknown>) => `${r.action} (${r.owner}${r.due ? `, ${r.due}` : ''})`,
    },
  },
  tasks: [
    { date: 'heldOn', done: (r) => r.status === 'held' },
    { date: 'due', rows: 'actions', owner: 'owner', title: 'action', done: (_r, row) => row?.done === 'yes' },
  ],
  defaultItems: ['9.3.1', '9.3.2', '9.3.3'],
  listColumns: ['heldOn', 'status'],
  closed: (r) => r.status === 'held',
});
