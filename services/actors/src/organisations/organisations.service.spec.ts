import { DomainError, ErrorCode, StaffRole } from '@samverkan/contracts';
import { Outbox } from '@samverkan/messaging';
import { anActor, automock } from '@samverkan/testing';
import { organisationNameTaken } from './organisations.errors';
import { OrganisationsRepository, type OrganisationRecord } from './organisations.repository';
import { OrganisationsService } from './organisations.service';

jest.mock('@nestjs-cls/transactional', () => ({
  ...jest.requireActual('@nestjs-cls/transactional'),
  Transactional: () => () => undefined,
}));

const administrator = anActor({ roles: [StaffRole.Administrator] });

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.catch((thrown: unknown) => thrown);
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe('OrganisationsService', () => {
  const setUp = () => {
    const repository = automock(OrganisationsRepository);
    const outbox = automock(Outbox);
    repository.create.mockImplementation(async (organisation) => ({ ...organisation, createdAt: new Date('2026-11-26T10:00:00Z') }) as OrganisationRecord);
    return { service: new OrganisationsService(repository, outbox), repository, outbox };
  };

  it('creates an organisation and announces it, with no name in the event', async () => {
    const { service, outbox } = setUp();

    const created = await service.create({ name: '  Samordningsförbundet Sydnärke ', type: 'civil_society' }, administrator);

    expect(created).toMatchObject({ name: 'Samordningsförbundet Sydnärke', type: 'civil_society', municipalityCode: null });
    expect(outbox.add).toHaveBeenCalledWith(
      'actors.events.organisation.created',
      { type: 'organisation', id: created.id },
      { organisationId: created.id, type: 'civil_society', municipalityCode: null },
    );
  });

  it('lets only administrators change the directory', async () => {
    const { service, repository } = setUp();

    expect((await rejection(service.create({ name: 'X', type: 'region' }, anActor()))).code).toBe(ErrorCode.Forbidden);
    expect(repository.create).not.toHaveBeenCalled();
  });

  it('requires a municipality code for a municipality', async () => {
    const { service } = setUp();

    const error = await rejection(service.create({ name: 'Ny kommun', type: 'municipality' }, administrator));

    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.fields).toEqual([expect.objectContaining({ field: 'municipalityCode' })]);
  });

  it('announces nothing when the name is taken', async () => {
    const { service, repository, outbox } = setUp();
    repository.create.mockRejectedValue(organisationNameTaken('Region Örebro län'));

    expect((await rejection(service.create({ name: 'Region Örebro län', type: 'region' }, administrator))).code).toBe(ErrorCode.OrganisationNameTaken);
    expect(outbox.add).not.toHaveBeenCalled();
  });
});
