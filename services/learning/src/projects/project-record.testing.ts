import { randomUUID } from 'node:crypto';
import type { ProjectRecord } from './project-record';

/** A project as the repository returns it: imported once, with a few of its fields, unless the overrides say. */
export function aProjectRecord(overrides: Partial<ProjectRecord> = {}): ProjectRecord {
  return {
    id: randomUUID(),
    projectKey: 'esf:2016-1184',
    projectNumber: '2016-1184',
    title: 'Steget vidare',
    programmeArea: null,
    phase: 'Genomförande',
    owner: { name: 'Region Örebro län', organisationId: randomUUID() },
    grantedEsfSupportKronor: 100,
    totalBudgetKronor: 200,
    periodStart: '2016-01-01',
    periodEnd: '2017-12-31',
    region: null,
    summary: 'Om projektet',
    summaryEnglish: null,
    background: null,
    goals: null,
    targetGroups: null,
    accessibility: null,
    genderEquality: null,
    transnationalCooperation: null,
    partners: [{ name: 'ABF Örebro län', organisationId: randomUUID() }],
    municipalityCodes: ['1880'],
    status: 'imported',
    version: 1,
    createdAt: new Date(),
    updatedAt: new Date(),
    importedBy: randomUUID(),
    ...overrides,
  };
}
