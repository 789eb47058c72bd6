import { DomainError, ErrorCode, StaffRole, type CreateOrganisationCommand } from '@samverkan/contracts';
import { Outbox } from '@samverkan/messaging';
import { anActor, automock } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import type { OrganisationRecord, UnitRecord } from '../directory/records';
import { organisationNameTaken } from './organisations.errors';
import { OrganisationsRepository } from './organisations.repository';
import { OrganisationsService } from './organisations.service';

jest.mock('@nestjs-cls/transactional', () => ({
  ...jest.requireActual('@nestjs-cls/transactional'),
  Transactional: () => () => undefined,
}));

const regionId = randomUUID();
const municipalityId = randomUUID();

function anOrganisation(overrides: Partial<OrganisationRecord> = {}): OrganisationRecord {
  return {
    id: randomUUID(),
    name: 'Nora kommun',
    type: 'municipality',
    organisationNumber: '212000-1991',
    municipalityCodes: ['1884'],
    description: null,
    website: null,
    active: true,
    inNetwork: true,
    version: 1,
    createdAt: new Date('2026-11-26T10:00:00Z'),
    updatedAt: new Date('2026-11-26T10:00:00Z'),
    ...overrides,
  };
}

function aUnit(overrides: Partial<UnitRecord> = {}): UnitRecord {
  return {
    id: randomUUID(),
    organisationId: municipalityId,
    name: 'Arbetsmarknadsenheten',
    municipalityCode: '1884',
    email: null,
    phone: null,
    address: null,
    active: true,
    version: 1,
    ...overrides,
  };
}

const aCommand = (overrides: Partial<CreateOrganisationCommand> = {}): CreateOrganisationCommand => ({
  name: '  Samordningsförbundet Sydnärke ',
  type: 'civil_society',
  organisationNumber: '8024596127',
  municipalityCodes: ['1882', '1861'],
  ...overrides,
});

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.catch((thrown: unknown) => thrown);
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe('OrganisationsService', () => {
  const setUp = () => {
    const repository = automock(OrganisationsRepository);
    const outbox = automock(Outbox);
    repository.findById.mockImplementation(async (id) =>
      id === regionId ? anOrganisation({ id, type: 'region', name: 'Region Örebro län' }) : anOrganisation({ id: municipalityId }),
    );
    repository.create.mockImplementation(async (organisation) => anOrganisation(organisation));
    repository.update.mockImplementation(async (id, changes) => anOrganisation({ id, ...changes, version: 2 }));
    return { service: new OrganisationsService(repository, outbox), repository, outbox };
  };

  const regionalAdministrator = anActor({ organisationId: regionId, roles: [StaffRole.Administrator] });

  it("adds an organisation with its number in the directory's form and announces its state", async () => {
    const { service, outbox } = setUp();

    const created = await service.create(aCommand(), regionalAdministrator);

    expect(created).toMatchObject({ name: 'Samordningsförbundet Sydnärke', organisationNumber: '802459-6127', municipalityCodes: ['1861', '1882'] });
    expect(outbox.add).toHaveBeenCalledWith(
      'actors.events.organisation.registered',
      { type: 'organisation', id: created.id },
      expect.objectContaining({ organisationId: created.id, organisationNumber: '802459-6127', active: true, version: 1 }),
    );
  });

  it.each([
    ['a caseworker of the region', anActor({ organisationId: regionId })],
    ["a municipality's administrator", anActor({ organisationId: municipalityId, roles: [StaffRole.Administrator] })],
  ])('lets only administrators of the region add organisations, not %s', async (_who, actor) => {
    const { service, repository, outbox } = setUp();

    expect((await rejection(service.create(aCommand(), actor))).code).toBe(ErrorCode.Forbidden);
    expect(repository.create).not.toHaveBeenCalled();
    expect(outbox.add).not.toHaveBeenCalled();
  });

  it('announces nothing when the name is taken', async () => {
    const { service, repository, outbox } = setUp();
    repository.create.mockRejectedValue(organisationNameTaken('Region Örebro län'));

    expect((await rejection(service.create(aCommand({ name: 'Region Örebro län' }), regionalAdministrator))).code).toBe(ErrorCode.OrganisationNameTaken);
    expect(outbox.add).not.toHaveBeenCalled();
  });

  it.each([
    ['an administrator', StaffRole.Administrator],
    ['a coordinator', StaffRole.Coordinator],
  ])("lets %s change the own organisation's entry, and announces the new version", async (_who, role) => {
    const { service, outbox } = setUp();

    const updated = await service.update({ organisationId: municipalityId, active: false }, anActor({ organisationId: municipalityId, roles: [role] }));

    expect(updated).toMatchObject({ active: false, version: 2 });
    expect(outbox.add).toHaveBeenCalledWith(
      'actors.events.organisation.updated',
      { type: 'organisation', id: municipalityId },
      expect.objectContaining({ active: false, version: 2 }),
    );
  });

  it.each([
    ["another organisation's administrator", anActor({ organisationId: randomUUID(), roles: [StaffRole.Administrator] })],
    ['a caseworker of the organisation', anActor({ organisationId: municipalityId })],
  ])('refuses changes to an organisation from %s', async (_who, actor) => {
    const { service, repository } = setUp();

    expect((await rejection(service.update({ organisationId: municipalityId, name: 'Ändrat' }, actor))).code).toBe(ErrorCode.Forbidden);
    expect((await rejection(service.createUnit({ organisationId: municipalityId, name: 'Ny enhet' }, actor))).code).toBe(ErrorCode.Forbidden);
    expect(repository.update).not.toHaveBeenCalled();
    expect(repository.createUnit).not.toHaveBeenCalled();
  });

  it('keeps staff and resources in the own organisation: a unit of another is refused', async () => {
    const { service, repository } = setUp();
    repository.findUnit.mockResolvedValue(aUnit({ organisationId: randomUUID() }));

    const error = await rejection(service.requireOwnUnit(randomUUID(), anActor({ organisationId: municipalityId, roles: [StaffRole.Coordinator] })));

    expect(error.code).toBe(ErrorCode.Forbidden);
  });
});
