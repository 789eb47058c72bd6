import { EventType } from '@samverkan/contracts';
import { aReferralEvent } from '@samverkan/testing';
import { referralFactOf } from './referral-fact';

describe('referralFactOf', () => {
  const eventTime = new Date('2026-11-21T09:30:00.000Z');

  it('takes every step time from an event that carries them, and its deadlines', () => {
    const { data } = aReferralEvent(EventType.ReferralStarted, {
      status: 'started',
      version: 4,
      steps: {
        sentAt: '2026-11-20T09:00:00.000Z',
        acknowledgedAt: '2026-11-20T10:00:00.000Z',
        answeredAt: '2026-11-21T09:00:00.000Z',
        startedAt: '2026-11-25T09:00:00.000Z',
        endedAt: null,
      },
      deadlines: { acknowledgeBy: '2026-11-23', answerBy: '2026-11-27', startBy: null },
    });

    const fact = referralFactOf(data, eventTime);

    expect(fact.steps).toEqual({
      sent: new Date('2026-11-20T09:00:00.000Z'),
      acknowledged: new Date('2026-11-20T10:00:00.000Z'),
      answered: new Date('2026-11-21T09:00:00.000Z'),
      started: new Date('2026-11-25T09:00:00.000Z'),
      ended: null,
    });
    expect(fact.deadlines).toEqual({ acknowledgeBy: '2026-11-23', answerBy: '2026-11-27', startBy: null });
  });

  it.each([
    ['sent', 'sent'],
    ['acknowledged', 'acknowledged'],
    ['accepted', 'answered'],
    ['declined', 'answered'],
    ['started', 'started'],
    ['completed', 'ended'],
    ['interrupted', 'ended'],
    ['withdrawn', 'ended'],
    ['expired', 'ended'],
  ] as const)('without step times, dates the step a %s event announces (%s) by the event and knows no other', (status, step) => {
    const { data } = aReferralEvent(EventType.ReferralSent, { status });

    const fact = referralFactOf(data, eventTime);

    expect(Object.entries(fact.steps).filter(([, at]) => at !== null)).toEqual([[step, eventTime]]);
    expect(fact.deadlines).toEqual({ acknowledgeBy: null, answerBy: null, startBy: null });
  });
});
