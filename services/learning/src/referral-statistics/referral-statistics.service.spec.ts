import { automock, aReferralEvent } from '@samverkan/testing';
import { ReferralFactsRepository } from './referral-facts.repository';
import { ReferralStatisticsService } from './referral-statistics.service';

function setUp() {
  const facts = automock(ReferralFactsRepository);
  return { facts, service: new ReferralStatisticsService(facts) };
}

describe('ReferralStatisticsService', () => {
  it('moves the fact of a referral forward with the state and the time of its event', async () => {
    const { facts, service } = setUp();
    const event = aReferralEvent();

    await service.record(event.data, new Date(event.time));

    expect(facts.upsertIfNewer).toHaveBeenCalledWith(
      expect.objectContaining({ referralId: event.data.referralId, status: 'sent', version: 1, eventTime: new Date(event.time) }),
    );
  });

  it('counts referrals by municipality and status, with the total over every row', async () => {
    const { facts, service } = setUp();
    facts.countByMunicipalityAndStatus.mockResolvedValue([
      { municipalityCode: '1880', status: 'sent', count: 3 },
      { municipalityCode: '1880', status: 'accepted', count: 2 },
      { municipalityCode: '1883', status: 'declined', count: 1 },
    ]);

    const view = await service.countByMunicipalityAndStatus({ municipalityCode: '1880' });

    expect(facts.countByMunicipalityAndStatus).toHaveBeenCalledWith('1880');
    expect(view.total).toBe(6);
    expect(view.rows).toHaveLength(3);
  });
});
