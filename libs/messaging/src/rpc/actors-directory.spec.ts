import { DomainError, ErrorCode, Requests, type OrganisationView } from '@samverkan/contracts';
import { automock } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import { ActorsDirectory, directoryAnswerTtlMs } from './actors-directory';
import { RpcClient } from './rpc-client';

describe('ActorsDirectory', () => {
  afterEach(() => jest.restoreAllMocks());

  it('asks actors once for an organisation it found, until the answer is older than the time it is kept', async () => {
    // The cache reads its clock from performance.now.
    const started = performance.now();
    const clock = jest.spyOn(performance, 'now').mockReturnValue(started);
    const rpc = automock(RpcClient);
    const organisationId = randomUUID();
    rpc.request.mockResolvedValue({ id: organisationId, active: true } as OrganisationView);
    const directory = new ActorsDirectory(rpc);

    await directory.findOrganisation(organisationId);
    await directory.findOrganisation(organisationId);
    expect(rpc.request).toHaveBeenCalledTimes(1);
    expect(rpc.request).toHaveBeenCalledWith(Requests.actors.getOrganisation, { organisationId });

    clock.mockReturnValue(started + directoryAnswerTtlMs + 1);
    await new Promise((resolve) => setTimeout(resolve, 5)); // past the cache's clock resolution
    await directory.findOrganisation(organisationId);
    expect(rpc.request).toHaveBeenCalledTimes(2);
  });

  it('asks again about what actors did not find, so an entry made since is found at once', async () => {
    const rpc = automock(RpcClient);
    const organisationId = randomUUID();
    rpc.request.mockRejectedValueOnce(new DomainError(ErrorCode.OrganisationNotFound, 'no such organisation'));
    rpc.request.mockResolvedValueOnce({ id: organisationId } as OrganisationView);
    const directory = new ActorsDirectory(rpc);

    expect(await directory.findOrganisation(organisationId)).toBeNull();
    expect(await directory.findOrganisation(organisationId)).toMatchObject({ id: organisationId });
  });

  it('keeps organisations, units and support resources apart, however alike their ids', async () => {
    const rpc = automock(RpcClient);
    const id = randomUUID();
    rpc.request.mockImplementation(async (subject) => ({ id, organisationId: subject }) as never);
    const directory = new ActorsDirectory(rpc);

    await directory.findOrganisation(id);
    const unit = await directory.requireUnit(id, 'unitId');
    const resource = await directory.requireSupportResource(id, 'supportResourceId');

    expect([unit.organisationId, resource.organisationId]).toEqual([Requests.actors.getUnit, Requests.actors.getSupportResource]);
    expect(rpc.request).toHaveBeenCalledTimes(3);
  });
});
