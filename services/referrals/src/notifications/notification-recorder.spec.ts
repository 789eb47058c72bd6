import { EventType, type ReferralOverdueData } from '@samverkan/contracts';
import { collectingTransactionEvents, PoisonMessageError } from '@samverkan/messaging';
import { aReferralEvent, automock } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import { LiveNotifications } from './live-notifications';
import type { NotificationRecord } from './notification';
import { NotificationRecorder } from './notification-recorder';
import { NotificationsRepository } from './notifications.repository';

describe('NotificationRecorder', () => {
  const setUp = () => {
    const repository = automock(NotificationsRepository);
    const live = automock(LiveNotifications);
    repository.add.mockImplementation((rows) => Promise.resolve(rows.map((row) => ({ ...row, createdAt: new Date() }))));
    return { recorder: new NotificationRecorder(repository, live), repository, live };
  };

  it('records a new referral for the receiving unit, with the event as its cause and time, and nothing about the person', async () => {
    const { recorder, repository } = setUp();
    const event = aReferralEvent(EventType.ReferralSent, { toUnitId: randomUUID() });

    await recorder.record(EventType.ReferralSent, event.data, event);

    expect(repository.add).toHaveBeenCalledWith([
      {
        id: expect.any(String),
        eventId: event.id,
        kind: 'new',
        referralId: event.data.referralId,
        referralStatus: 'sent',
        overdueStep: null,
        audience: { kind: 'unit', id: event.data.toUnitId },
        occurredAt: new Date(event.time),
      },
    ]);
    expect(repository.sentBy).not.toHaveBeenCalled();
  });

  it('addresses an answer to the staff member who sent the referral, found on the referral', async () => {
    const { recorder, repository } = setUp();
    const event = aReferralEvent(EventType.ReferralDeclined, { status: 'declined', declineReason: 'no_capacity' });
    const sentBy = randomUUID();
    repository.sentBy.mockResolvedValue(sentBy);

    await recorder.record(EventType.ReferralDeclined, event.data, event);

    expect(repository.sentBy).toHaveBeenCalledWith(event.data.referralId);
    expect(repository.add).toHaveBeenCalledWith([
      expect.objectContaining({ kind: 'answered', referralStatus: 'declined', audience: { kind: 'staff', id: sentBy } }),
    ]);
  });

  it('refuses, as poison, an answer to a referral it does not have', async () => {
    const { recorder, repository } = setUp();
    const event = aReferralEvent(EventType.ReferralAccepted, { status: 'accepted' });
    repository.sentBy.mockResolvedValue(null);

    await expect(recorder.record(EventType.ReferralAccepted, event.data, event)).rejects.toBeInstanceOf(PoisonMessageError);
    expect(repository.add).not.toHaveBeenCalled();
  });

  it('keeps the late step of an escalation', async () => {
    const { recorder, repository } = setUp();
    const base = aReferralEvent(EventType.ReferralOverdue);
    const overdue: ReferralOverdueData = { ...base.data, overdueStep: 'start', level: 2, escalateTo: 'sending_coordinator', fromUnitId: randomUUID() };

    await recorder.record(EventType.ReferralOverdue, overdue, base);

    expect(repository.add).toHaveBeenCalledWith([
      expect.objectContaining({ kind: 'overdue', overdueStep: 'start', audience: { kind: 'organisation_coordinators', id: overdue.fromOrganisationId } }),
    ]);
  });

  it('announces what it added only once the transaction committed, and nothing when it rolled back', async () => {
    const { recorder, live } = setUp();
    const event = aReferralEvent(EventType.ReferralSent);
    let added: NotificationRecord[] = [];

    await collectingTransactionEvents(
      async (work) => {
        await work();
        expect(live.publish).not.toHaveBeenCalled();
      },
      async () => {
        added = await recorder.record(EventType.ReferralSent, event.data, event);
      },
    );
    expect(live.publish).toHaveBeenCalledWith(added);

    live.publish.mockClear();
    await expect(
      collectingTransactionEvents(
        async (work) => {
          await work();
          throw new Error('rolled back');
        },
        () => recorder.record(EventType.ReferralSent, event.data, event),
      ),
    ).rejects.toThrow('rolled back');
    expect(live.publish).not.toHaveBeenCalled();
  });

  it('announces nothing for an event it had recorded before', async () => {
    const { recorder, repository, live } = setUp();
    const event = aReferralEvent(EventType.ReferralWithdrawn, { status: 'withdrawn' });
    repository.add.mockResolvedValue([]);

    expect(await recorder.record(EventType.ReferralWithdrawn, event.data, event)).toEqual([]);
    expect(live.publish).not.toHaveBeenCalled();
  });
});
