import { ErrorCode, StaffRole, todayInSweden, type GetMunicipalityReferralsQuery } from '@samverkan/contracts';
import { anActor, automock } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import { OrganisationsService } from '../organisations/organisations.service';
import { MunicipalityTrackingRepository } from './municipality-tracking.repository';
import { MunicipalityTrackingService } from './municipality-tracking.service';

function setUp() {
  const tracking = automock(MunicipalityTrackingRepository);
  const organisations = automock(OrganisationsService);
  tracking.figures.mockResolvedValue([]);
  tracking.declineReasons.mockResolvedValue([]);
  organisations.find.mockResolvedValue(null);
  organisations.municipalityOrganisationIds.mockResolvedValue([]);
  return { tracking, organisations, service: new MunicipalityTrackingService(tracking, organisations) };
}

const query: GetMunicipalityReferralsQuery = { municipalityCode: '1880', from: '2025-01-01', to: '2025-12-31' };
const analyst = anActor({ roles: [StaffRole.Analyst] });

describe('MunicipalityTrackingService', () => {
  it.each([StaffRole.Analyst, StaffRole.Coordinator, StaffRole.UnitManager])('lets a %s read the figures', async (role) => {
    const { service } = setUp();

    await expect(service.referrals(query, anActor({ roles: [role] }))).resolves.toMatchObject({ municipalityCode: '1880' });
  });

  it.each([StaffRole.Caseworker, StaffRole.Operator, StaffRole.Administrator, StaffRole.DataProtectionOfficer])(
    'refuses a %s and reads nothing',
    async (role) => {
      const { service, tracking } = setUp();

      await expect(service.referrals(query, anActor({ roles: [role] }))).rejects.toMatchObject({ code: ErrorCode.Forbidden });
      expect(tracking.figures).not.toHaveBeenCalled();
    },
  );

  it("refuses a municipality's staff another municipality's figures, naming the code", async () => {
    const { service, organisations, tracking } = setUp();
    organisations.find.mockResolvedValue({ organisationId: analyst.organisationId, type: 'municipality', municipalityCodes: ['1881'] });

    await expect(service.referrals(query, analyst)).rejects.toMatchObject({ code: ErrorCode.Forbidden, fields: [{ field: 'municipalityCode' }] });
    expect(tracking.figures).not.toHaveBeenCalled();
  });

  it.each([
    ['their own municipality', { type: 'municipality', municipalityCodes: ['1880'] }],
    ['the region', { type: 'region', municipalityCodes: ['1880', '1881'] }],
    ['a state agency', { type: 'state_agency', municipalityCodes: [] }],
  ] as const)("lets staff of %s read the municipality's figures", async (_description, organisation) => {
    const { service, organisations } = setUp();
    organisations.find.mockResolvedValue({ organisationId: analyst.organisationId, ...organisation, municipalityCodes: [...organisation.municipalityCodes] });

    await expect(service.referrals(query, analyst)).resolves.toMatchObject({ municipalityCode: '1880' });
  });

  it("counts by the person's municipality unless asked by organisation, with the municipality's organisations and today in Sweden", async () => {
    const { service, organisations, tracking } = setUp();
    const own = [randomUUID(), randomUUID()];
    organisations.municipalityOrganisationIds.mockResolvedValue(own);

    const byResidence = await service.referrals(query, analyst);
    await service.referrals({ ...query, by: 'organisation' }, analyst);

    expect(organisations.municipalityOrganisationIds).toHaveBeenCalledWith('1880');
    expect(tracking.figures.mock.calls.map(([scope]) => scope)).toEqual([
      { municipalityCode: '1880', by: 'residence', organisationIds: own, from: '2025-01-01', to: '2025-12-31', today: todayInSweden() },
      { municipalityCode: '1880', by: 'organisation', organisationIds: own, from: '2025-01-01', to: '2025-12-31', today: todayInSweden() },
    ]);
    expect(byResidence).toMatchObject({ municipalityName: 'Örebro', by: 'residence', organisationIds: own, asOf: todayInSweden(), smallestPublishedCount: 5 });
  });
});
