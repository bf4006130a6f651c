import type { OscalMetadata } from './oscal-catalog';
import type { OscalProp } from './oscal-common';

/** The shapes of the SSP document we write (see oscal-ssp.ts). */

export type OscalState = 'implemented' | 'partial' | 'planned' | 'alternative' | 'not-applicable';

export interface OscalSspDocument {
  'system-security-plan': {
    uuid: string;
    metadata: OscalMetadata;
    'import-profile': { href: string };
    'system-characteristics': Record<string, unknown>;
    'system-implementation': { users: Record<string, unknown>[]; components: OscalComponent[] };
    'control-implementation': { description: string; 'implemented-requirements': OscalImplementedRequirement[] };
  };
}

export interface ResponsibleRole {
  'role-id': string;
  'party-uuids': string[];
}

export interface OscalComponent {
  uuid: string;
  type: string;
  title: string;
  description: string;
  props?: OscalProp[];
  status: { state: string; remarks?: string };
  'responsible-roles'?: ResponsibleRole[];
}

export interface OscalByComponent {
  'component-uuid': string;
  uuid: string;
  description: string;
  props?: OscalProp[];
  'implementation-status': { state: OscalState; remarks?: string };
  'responsible-roles'?: ResponsibleRole[];
  remarks?: string;
}

export interface OscalImplementedRequirement {
  uuid: string;
  'control-id': string;
  props?: OscalProp[];
  'responsible-roles'?: ResponsibleRole[];
  'by-components': OscalByComponent[];
  remarks?: string;
}
