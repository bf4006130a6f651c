import { defineKind, nullableRef, refsExtra, spec } from './define';

export const ncSources = ['audit-finding', 'incident', 'complaint', 'review', 'monitoring', 'other'] as const;

/** 10.2: nonconformities, their correction, root cause, corrective action and its effectiveness. */
export const nonconformityKind = defineKind({
  kind: 'nonconformity',
  section: 'improvement',
  refPrefix: 'NC',
  fields: {
    source: spec.choice('Source', ncSources, 'audit-finding'),
    description: spec.long('Nonconformity'),
    correction: spec.long('Correction', true),
    rootCause: spec.long('Root cause'),
    correctiveAction: spec.long('Corrective action', true),
    due: spec.date('Due'),
    effectivenessCheck: spec.long('Effectiveness check', true),
    checkedOn: spec.date('Checked on'),
    effective: spec.maybe('Effective', ['yes', 'no'], false, 'cycle.yesNo'),
    status: spec.choice('Status', ['open', 'action-planned', 'verifying', 'closed'], 'open', true),
  },
  /** The audit finding, incident or review it came from. */
  extra: { sourceId: nullableRef() },
  rules: (r) =>
    r.status === 'closed' && !(r.effective === 'yes' && r.checkedOn && r.effectivenessCheck.trim())
      ? { field: 'status', code: 'effectiveness-required' }
      : null,
  tasks: [{ date: 'due', done: (r) => r.status === 'closed' }],
  defaultItems: ['10.2'],
  listColumns: ['source', 'due', 'status'],
  closed: (r) => r.status === 'closed',
});

/** 10.1: the continual-improvement log. */
export const improvementKind = defineKind({
  kind: 'improvement',
  section: 'improvement',
  refPrefix: 'CI',
  fields: {
    description: spec.long('Description'),
    source: spec.text('Where it came from'),
    raisedOn: spec.date('Raised on'),
    benefit: spec.long('Expected benefit'),
    due: spec.date('Due'),
    status: spec.choice('Status', ['proposed', 'in-progress', 'done', 'rejected'], 'proposed'),
  },
  tasks: [{ date: 'due', done: (r) => r.status === 'done' || r.status === 'rejected' }],
  defaultItems: ['10.1'],
  listColumns: ['raisedOn', 'due', 'status'],
  closed: (r) => r.status === 'done' || r.status === 'rejected',
});

/** A.3.3 and A.8.4: concerns raised about AI systems, and incidents, with who was told and when. */
export const incidentKind = defineKind({
  kind: 'incident',
  section: 'improvement',
  refPrefix: 'INC',
  fields: {
    type: spec.choice('Type', ['concern', 'incident', 'near-miss'], 'concern'),
    reportedOn: spec.date('Reported on'),
    reportedBy: spec.text('Reported by', true),
    description: spec.long('What happened'),
    severity: spec.maybe('Severity', ['low', 'medium', 'high', 'critical']),
    actions: spec.long('Actions taken'),
    communicatedTo: spec.long('Communicated to', true),
    communicatedOn: spec.date('Communicated on'),
    status: spec.choice('Status', ['open', 'investigating', 'resolved', 'closed'], 'open'),
  },
  extra: { aiSystemIds: refsExtra() },
  defaultItems: ['A.3.3', 'A.8.4'],
  listColumns: ['type', 'reportedOn', 'severity', 'status'],
  closed: (r) => r.status === 'closed' || r.status === 'resolved',
});
