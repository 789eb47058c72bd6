import { ErrorCode, StaffRole } from '@samverkan/contracts';
import { Outbox } from '@samverkan/messaging';
import { anActor, automock } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OrganisationsService } from '../organisations/organisations.service';
import type { ProjectContent, ProjectRecord } from './project-record';
import { ProjectsRepository } from './projects.repository';
import { aProjectRecord } from './project-record.testing';
import { ProjectsService } from './projects.service';

// @Transactional needs a CLS context; in unit tests the methods run on their own.
jest.mock('@nestjs-cls/transactional', () => ({
  ...jest.requireActual('@nestjs-cls/transactional'),
  Transactional: () => () => undefined,
}));

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', `${name}.txt`), 'utf8');

const kumlaKommun = randomUUID();

function setUp() {
  const projects = automock(ProjectsRepository);
  const organisations = automock(OrganisationsService);
  organisations.names.mockResolvedValue([{ organisationId: kumlaKommun, name: 'Kumla kommun' }]);
  projects.upsert.mockImplementation(async (id: string, content: ProjectContent, status, importedBy: string) => ({
    created: true,
    record: { ...content, id, status, version: 1, createdAt: new Date(), updatedAt: new Date(), importedBy } satisfies ProjectRecord,
  }));
  const outbox = automock(Outbox);
  return { projects, organisations, outbox, service: new ProjectsService(projects, organisations, outbox) };
}

const analyst = anActor({ roles: [StaffRole.Analyst] });

describe('ProjectsService', () => {
  it('stores the page without its contact person, and says in the report that it was read and not stored', async () => {
    const { service, projects } = setUp();

    const imported = await service.importPage({ text: fixture('complete') }, analyst);

    const [, content, status, importedBy] = projects.upsert.mock.calls[0] ?? [];
    expect(JSON.stringify(content)).not.toMatch(/Bergkvist|linnea|070-174/i);
    expect(content).toMatchObject({ projectKey: 'esf:2015-3127', periodStart: '2015-09-01', periodEnd: '2018-08-31', owner: { organisationId: kumlaKommun } });
    expect([status, importedBy]).toEqual(['imported', analyst.staffId]);
    expect(imported.project).not.toHaveProperty('contactName');
    expect(imported.project.period).toEqual({ start: '2015-09-01', end: '2018-08-31' });
    expect(imported.report.personalDataNotStored.fields).toEqual(['contactName', 'contactEmail', 'contactPhone']);
  });

  it('lists only the contact fields the page had as not stored', async () => {
    const { service } = setUp();

    const imported = await service.importPage({ text: fixture('missing-fields') }, analyst);

    expect(imported.report.personalDataNotStored.fields).toEqual(['contactName', 'contactEmail']);
  });

  it.each([StaffRole.Caseworker, StaffRole.Coordinator, StaffRole.Administrator])('refuses an import by a %s and writes nothing', async (role) => {
    const { service, projects } = setUp();

    await expect(service.importPage({ text: fixture('complete') }, anActor({ roles: [role] }))).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    expect(projects.upsert).not.toHaveBeenCalled();
  });

  it('refuses a page with a bad value, naming the field and putting the line first, and writes nothing', async () => {
    const { service, projects } = setUp();
    const text = fixture('complete').replace('Beviljat ESF-stöd4 212 880 kr', 'Beviljat ESF-stödmånga kronor');

    await expect(service.importPage({ text }, analyst)).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      fields: [{ field: 'grantedEsfSupportKronor', message: expect.stringMatching(/^line 10: /) }],
    });
    expect(projects.upsert).not.toHaveBeenCalled();
  });

  it('answers not found for an unknown project', async () => {
    const { service, projects } = setUp();
    projects.findById.mockResolvedValue(null);

    await expect(service.get({ projectId: randomUUID() })).rejects.toMatchObject({ code: ErrorCode.ProjectNotFound });
  });

  describe('editing', () => {
    const stored = (overrides: Partial<ProjectRecord> = {}): ProjectRecord =>
      aProjectRecord({
        projectKey: 'esf:2015-3127',
        projectNumber: '2015-3127',
        title: 'Nya vägar Sydnärke',
        phase: null,
        owner: { name: 'Kumla kommun', organisationId: kumlaKommun },
        grantedEsfSupportKronor: null,
        totalBudgetKronor: null,
        periodStart: null,
        periodEnd: null,
        summary: null,
        partners: [],
        municipalityCodes: ['1881'],
        version: 3,
        ...overrides,
      });

    it('lets staff of the owner change the status and announces the change with ids and codes only', async () => {
      const { service, projects, outbox } = setUp();
      const record = stored();
      projects.findById.mockResolvedValue(record);
      projects.update.mockImplementation(async (_id, version, content, status) => ({ ...record, ...content, status, version: version + 1 }));

      const updated = await service.update({ projectId: record.id, version: 3, status: 'ongoing', summary: 'Nytt' }, anActor({ organisationId: kumlaKommun }));

      expect(updated).toMatchObject({ status: 'ongoing', version: 4, summary: 'Nytt' });
      expect(projects.update).toHaveBeenCalledWith(record.id, 3, expect.objectContaining({ summary: 'Nytt' }), 'ongoing');
      const [type, , data] = outbox.add.mock.calls[0] ?? [];
      expect(type).toBe('learning.events.project.updated');
      expect(data).toEqual({
        projectId: record.id,
        status: 'ongoing',
        ownerOrganisationId: kumlaKommun,
        partnerOrganisationIds: [],
        municipalityCodes: ['1881'],
        version: 4,
        changedFields: ['summary', 'status'],
      });
    });

    it('refuses staff of another organisation who are no analysts, and writes nothing', async () => {
      const { service, projects, outbox } = setUp();
      const record = stored();
      projects.findById.mockResolvedValue(record);

      await expect(service.update({ projectId: record.id, version: 3, status: 'ongoing' }, anActor())).rejects.toMatchObject({
        code: ErrorCode.Forbidden,
      });
      expect(projects.update).not.toHaveBeenCalled();
      expect(outbox.add).not.toHaveBeenCalled();
    });

    it('refuses a stale version with a conflict naming the version, and writes nothing', async () => {
      const { service, projects } = setUp();
      const record = stored();
      projects.findById.mockResolvedValue(record);

      await expect(service.update({ projectId: record.id, version: 2, status: 'ongoing' }, analyst)).rejects.toMatchObject({
        code: ErrorCode.VersionConflict,
        fields: [{ field: 'version', message: 'the project is at version 3' }],
      });
      expect(projects.update).not.toHaveBeenCalled();
    });

    it('answers a conflict when another edit wins between reading and writing', async () => {
      const { service, projects, outbox } = setUp();
      const record = stored();
      projects.findById.mockResolvedValue(record);
      projects.update.mockResolvedValue(null);

      await expect(service.update({ projectId: record.id, version: 3, status: 'ongoing' }, analyst)).rejects.toMatchObject({
        code: ErrorCode.VersionConflict,
      });
      expect(outbox.add).not.toHaveBeenCalled();
    });

    it('links partners given by name to known organisations, as an import does', async () => {
      const { service, projects } = setUp();
      const record = stored();
      projects.findById.mockResolvedValue(record);
      projects.update.mockImplementation(async (_id, version, content, status) => ({ ...record, ...content, status, version: version + 1 }));

      const updated = await service.update({ projectId: record.id, version: 3, partners: ['KUMLA KOMMUN', 'Föreningen Okänd'] }, analyst);

      expect(updated.partners).toEqual([
        { name: 'KUMLA KOMMUN', organisationId: kumlaKommun },
        { name: 'Föreningen Okänd', organisationId: null },
      ]);
    });

    it('keeps the version and announces nothing when the edit changes nothing', async () => {
      const { service, projects, outbox } = setUp();
      const record = stored();
      projects.findById.mockResolvedValue(record);

      const same = await service.update({ projectId: record.id, version: 3, status: 'imported', municipalityCodes: ['1881'] }, analyst);

      expect(same.version).toBe(3);
      expect(projects.update).not.toHaveBeenCalled();
      expect(outbox.add).not.toHaveBeenCalled();
    });
  });
});
