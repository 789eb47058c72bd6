import { automock, aReferralEvent } from '@samverkan/testing';
import { ReferralFactsRepository } from './referral-facts.repository';
import { ReferralStatisticsService } from './referral-statistics.service';

function setUp() {
  const facts = automock(ReferralFactsRepository);
  return { facts, service: new ReferralStatisticsService(facts) };
}

describe('ReferralStatisticsService', () => {
  it("adds the event's state to the history under its event id, then moves the fact of the referral forward", async () => {
    const { facts, service } = setUp();
    const event = aReferralEvent();
    const calls: string[] = [];
    facts.recordTransition.mockImplementation(async () => (calls.push('history'), true));
    facts.upsertIfNewer.mockImplementation(async () => void calls.push('fact'));

    await service.record(event.data, event);

    const fact = expect.objectContaining({ referralId: event.data.referralId, status: 'sent', version: 1, eventTime: new Date(event.time) });
    expect(facts.recordTransition).toHaveBeenCalledWith(fact, event.id);
    expect(facts.upsertIfNewer).toHaveBeenCalledWith(fact);
    expect(calls).toEqual(['history', 'fact']);
  });
});
