import type { OrganisationStateData, StaffMemberStateData, SupportResourceStateData, UnitStateData, WorkplaceStateData } from '@samverkan/contracts';
import type { OrganisationRecord, StaffMemberRecord, SupportResourceRecord, UnitRecord, WorkplaceRecord } from './records';

/*
 * What the directory's events carry of each record: its full state, minus whatever names a
 * person or is free text (staff names, e-mail addresses, descriptions, contact details).
 */

export function organisationState(record: OrganisationRecord): OrganisationStateData {
  return {
    organisationId: record.id,
    name: record.name,
    type: record.type,
    organisationNumber: record.organisationNumber,
    municipalityCodes: record.municipalityCodes,
    active: record.active,
    inNetwork: record.inNetwork,
    version: record.version,
  };
}

export function unitState(record: UnitRecord): UnitStateData {
  return {
    unitId: record.id,
    organisationId: record.organisationId,
    name: record.name,
    municipalityCode: record.municipalityCode,
    active: record.active,
    version: record.version,
  };
}

export function staffState(record: Omit<StaffMemberRecord, 'unitName' | 'displayName' | 'email'>): StaffMemberStateData {
  return {
    staffId: record.id,
    organisationId: record.organisationId,
    unitId: record.unitId,
    roles: record.roles,
    languages: record.languages,
    competences: record.competences,
    active: record.active,
    version: record.version,
  };
}

export function resourceState(record: Omit<SupportResourceRecord, 'updatedAt' | 'description'>): SupportResourceStateData {
  return {
    resourceId: record.id,
    organisationId: record.organisationId,
    unitId: record.unitId,
    name: record.name,
    targetGroups: record.targetGroups,
    ageRange: record.ageRange,
    municipalityCodes: record.municipalityCodes,
    eligibility: record.eligibility,
    accessibility: record.accessibility,
    addressesNeeds: record.addressesNeeds,
    languages: record.languages,
    capacity: record.capacity,
    activeFrom: record.activeFrom,
    activeUntil: record.activeUntil,
    active: record.active,
    version: record.version,
  };
}

export function workplaceState(
  record: Pick<
    WorkplaceRecord,
    'id' | 'organisationId' | 'employerOrganisationNumber' | 'municipalityCode' | 'offers' | 'adaptations' | 'supportNeeded' | 'places' | 'active' | 'version'
  >,
): WorkplaceStateData {
  return {
    workplaceId: record.id,
    organisationId: record.organisationId,
    employerOrganisationNumber: record.employerOrganisationNumber,
    municipalityCode: record.municipalityCode,
    offers: record.offers,
    adaptations: record.adaptations,
    supportNeeded: record.supportNeeded,
    places: record.places,
    active: record.active,
    version: record.version,
  };
}
