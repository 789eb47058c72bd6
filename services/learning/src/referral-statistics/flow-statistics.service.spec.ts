import { ErrorCode, StaffRole, StatisticsCoverage, StatisticsDimension, StatisticsPeriodBasis } from '@samverkan/contracts';
import { anActor, automock } from '@samverkan/testing';
import { DirectoryService } from '../directory/directory.service';
import { FlowStatisticsRepository } from './flow-statistics.repository';
import { FlowStatisticsService } from './flow-statistics.service';

function setUp() {
  const flow = automock(FlowStatisticsRepository);
  const directory = automock(DirectoryService);
  flow.counts.mockResolvedValue([]);
  flow.durations.mockResolvedValue([]);
  return { flow, directory, service: new FlowStatisticsService(flow, directory) };
}

const period = { from: '2026-01-01', to: '2026-03-31' };

describe('FlowStatisticsService', () => {
  it("counts every referral for an analyst, and only the own organisation's for other staff", async () => {
    const { flow, service } = setUp();
    const analyst = anActor({ roles: [StaffRole.Analyst] });
    const caseworker = anActor({ roles: [StaffRole.Caseworker] });

    const all = await service.table({ ...period, rows: [StatisticsDimension.Municipality] }, analyst);
    const own = await service.table({ ...period, rows: [StatisticsDimension.Municipality] }, caseworker);

    expect(flow.counts.mock.calls[0]?.[0]).not.toHaveProperty('organisationId');
    expect(flow.counts.mock.calls[1]?.[0]).toEqual(expect.objectContaining({ organisationId: caseworker.organisationId }));
    expect([all.coverage, own.coverage]).toEqual([StatisticsCoverage.All, StatisticsCoverage.OwnOrganisation]);
  });

  it.each([StaffRole.Operator, StaffRole.Administrator, StaffRole.DataProtectionOfficer])('refuses statistics to a %s', async (role) => {
    const { flow, service } = setUp();

    await expect(service.table(period, anActor({ roles: [role] }))).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    expect(flow.counts).not.toHaveBeenCalled();
  });

  it('places referrals in the period by the day they were sent unless told otherwise, and passes only the filters given', async () => {
    const { flow, service } = setUp();

    await service.table({ ...period, gender: 'female' }, anActor({ roles: [StaffRole.Analyst] }));

    expect(flow.counts).toHaveBeenCalledWith({ ...period, periodBasis: StatisticsPeriodBasis.Sent, gender: 'female' }, [], null);
  });

  it("gives a resource's follow-up to its own organisation and refuses it to another's staff", async () => {
    const { flow, directory, service } = setUp();
    const owner = anActor({ roles: [StaffRole.Coordinator] });
    const resource = { resourceId: '0193a5b0-4444-7000-8000-000000000004', organisationId: owner.organisationId, unitId: owner.unitId, addressesNeeds: [] };
    directory.findSupportResource.mockResolvedValue(resource);

    await service.followUp({ ...period, supportResourceId: resource.resourceId }, owner);
    const other = anActor({ roles: [StaffRole.Coordinator], organisationId: '0193a5b0-1111-7000-8000-000000000009' });
    const calls = flow.counts.mock.calls.length;

    await expect(service.followUp({ ...period, supportResourceId: resource.resourceId }, other)).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    expect(flow.counts.mock.calls.length).toBe(calls);
  });

  it('answers 404 naming the resource when statistics do not know it', async () => {
    const { directory, service } = setUp();
    directory.findSupportResource.mockResolvedValue(null);

    await expect(
      service.followUp({ ...period, supportResourceId: '0193a5b0-4444-7000-8000-000000000004' }, anActor({ roles: [StaffRole.Analyst] })),
    ).rejects.toMatchObject({ code: ErrorCode.SupportResourceNotFound, fields: [expect.objectContaining({ field: 'supportResourceId' })] });
  });
});
