import { ErrorCode, StaffRole, UnmatchedOrganisationReason, type UpdateProjectBody } from '@samverkan/contracts';
import { anActor } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import { editProject, mayChangeProject } from './project-editing';
import type { ProjectRecord } from './project-record';
import { aProjectRecord } from './project-record.testing';

const owner = randomUUID();

const aProject = (overrides: Partial<ProjectRecord> = {}): ProjectRecord =>
  aProjectRecord({ owner: { name: 'Region Örebro län', organisationId: owner }, ...overrides });

const noMatch = () => ({ organisationId: null, reason: UnmatchedOrganisationReason.Unknown });
const edit = (body: Omit<UpdateProjectBody, 'version'>): UpdateProjectBody => ({ version: 1, ...body });

describe('who may change a project', () => {
  it('lets an analyst of any organisation change it', () => {
    expect(mayChangeProject(anActor({ roles: [StaffRole.Analyst] }), aProject())).toBe(true);
  });

  it.each([StaffRole.Caseworker, StaffRole.Coordinator, StaffRole.UnitManager])('lets a %s of the owning organisation change it', (role) => {
    expect(mayChangeProject(anActor({ organisationId: owner, roles: [role] }), aProject())).toBe(true);
  });

  it.each([StaffRole.Caseworker, StaffRole.Administrator, StaffRole.Coordinator])('refuses a %s of another organisation', (role) => {
    expect(mayChangeProject(anActor({ roles: [role] }), aProject())).toBe(false);
  });

  it('refuses everyone but analysts a project whose owner is known by name only', () => {
    const unlinked = aProject({ owner: { name: 'Stiftelsen X', organisationId: null } });
    expect(mayChangeProject(anActor({ organisationId: owner }), unlinked)).toBe(false);
    expect(mayChangeProject(anActor({ roles: [StaffRole.Analyst] }), unlinked)).toBe(true);
  });
});

describe('editProject', () => {
  const analyst = anActor({ roles: [StaffRole.Analyst] });

  it('keeps fields left out, empties fields given as null and names exactly the fields that changed', () => {
    const result = editProject(aProject(), edit({ summary: null, title: 'Steget vidare', goals: 'Mål', period: null }), analyst, noMatch);

    expect(result.content).toMatchObject({ summary: null, goals: 'Mål', title: 'Steget vidare', periodStart: null, periodEnd: null, phase: 'Genomförande' });
    expect(result.changedFields).toEqual(['summary', 'goals', 'period']);
  });

  it('puts municipalities in code order and notices a new status', () => {
    const result = editProject(aProject(), edit({ municipalityCodes: ['1885', '1814'], status: 'in_ordinary_practice' }), analyst, noMatch);

    expect(result.content.municipalityCodes).toEqual(['1814', '1885']);
    expect(result.status).toBe('in_ordinary_practice');
    expect(result.changedFields).toEqual(['municipalityCodes', 'status']);
  });

  it('refuses a change of owner by staff of the owner who are no analysts', () => {
    const staff = anActor({ organisationId: owner });

    expect(() => editProject(aProject(), edit({ ownerName: 'Kumla kommun' }), staff, noMatch)).toThrow(
      expect.objectContaining({ code: ErrorCode.Forbidden, fields: [expect.objectContaining({ field: 'ownerName' })] }),
    );
    // Naming the owner it already has is no change of owner.
    const regionByName = (name: string) => (name === 'Region Örebro län' ? { organisationId: owner } : noMatch());
    expect(editProject(aProject(), edit({ ownerName: 'Region Örebro län' }), staff, regionByName).changedFields).toEqual([]);
  });

  it('lets an analyst move a project to another owner, linked by name', () => {
    const kumla = randomUUID();
    const result = editProject(aProject(), edit({ ownerName: 'Kumla kommun' }), analyst, () => ({ organisationId: kumla }));

    expect(result.content.owner).toEqual({ name: 'Kumla kommun', organisationId: kumla });
    expect(result.changedFields).toEqual(['ownerName']);
  });
});
