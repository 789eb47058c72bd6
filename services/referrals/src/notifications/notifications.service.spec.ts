import { StaffRole } from '@samverkan/contracts';
import { encodeCursor } from '@samverkan/platform';
import { anActor, automock } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import type { FeedEntry } from './notification';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

function anEntry(overrides: Partial<FeedEntry> = {}): FeedEntry {
  return {
    id: randomUUID(),
    eventId: randomUUID(),
    kind: 'new',
    referralId: randomUUID(),
    referralStatus: 'sent',
    overdueStep: null,
    audience: { kind: 'unit', id: randomUUID() },
    occurredAt: new Date('2026-12-02T08:00:00Z'),
    createdAt: new Date('2026-12-02T08:00:01Z'),
    readAt: null,
    ...overrides,
  };
}

describe('NotificationsService', () => {
  const setUp = () => {
    const repository = automock(NotificationsRepository);
    repository.unreadCount.mockResolvedValue(3);
    return { service: new NotificationsService(repository), repository };
  };
  const caseworker = anActor({ roles: [StaffRole.Caseworker] });
  const caseworkerAudiences = [
    { kind: 'staff', id: caseworker.staffId },
    { kind: 'unit', id: caseworker.unitId },
    { kind: 'organisation_caseworkers', id: caseworker.organisationId },
  ];

  it("reads the feed of the actor's own audiences, with their read marks and unread count, a page at a time", async () => {
    const { service, repository } = setUp();
    const newest = anEntry({ readAt: new Date('2026-12-02T09:00:00Z') });
    const older = anEntry({ createdAt: new Date('2026-12-02T08:00:00Z') });
    repository.feed.mockResolvedValue([newest, older]);

    const page = await service.list({ limit: 1 }, caseworker);

    expect(repository.feed).toHaveBeenCalledWith({ staffId: caseworker.staffId, audiences: caseworkerAudiences, read: undefined, after: undefined, take: 2 });
    expect(repository.unreadCount).toHaveBeenCalledWith(caseworker.staffId, caseworkerAudiences);
    expect(page).toEqual({
      items: [expect.objectContaining({ id: newest.id, kind: 'new', read: true, readAt: '2026-12-02T09:00:00.000Z', audienceKind: 'unit' })],
      nextCursor: encodeCursor({ key: newest.createdAt.toISOString(), id: newest.id }),
      unreadCount: 3,
    });
  });

  it('narrows the feed to the unread or the read notifications', async () => {
    const { service, repository } = setUp();
    repository.feed.mockResolvedValue([]);

    await service.list({ unread: 'true' }, caseworker);
    await service.list({ unread: 'false' }, caseworker);

    expect(repository.feed.mock.calls.map(([filter]) => filter.read)).toEqual([false, true]);
  });

  it('refuses a cursor it did not write, naming after, before reading anything', async () => {
    const { service, repository } = setUp();

    for (const after of ['not-a-cursor', encodeCursor({ key: new Date().toISOString(), id: "x' OR 1=1" })]) {
      await expect(service.list({ after }, caseworker)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'after' }] });
    }
    expect(repository.feed).not.toHaveBeenCalled();
  });

  it("marks a notification read for the actor, within the actor's audiences", async () => {
    const { service, repository } = setUp();
    const entry = anEntry({ readAt: new Date('2026-12-02T10:00:00Z') });
    repository.markRead.mockResolvedValue(entry);

    expect(await service.markRead({ notificationId: entry.id }, caseworker)).toMatchObject({ id: entry.id, read: true });
    expect(repository.markRead).toHaveBeenCalledWith(entry.id, caseworker.staffId, caseworkerAudiences);
  });

  it('answers not found, naming notificationId, for a notification that is not the actor’s', async () => {
    const { service, repository } = setUp();
    repository.markRead.mockResolvedValue(null);

    await expect(service.markRead({ notificationId: randomUUID() }, caseworker)).rejects.toMatchObject({
      code: 'NOTIFICATION_NOT_FOUND',
      fields: [{ field: 'notificationId' }],
    });
  });

  it('marks everything read for the actor and tells how many, and how many are still unread', async () => {
    const { service, repository } = setUp();
    repository.markAllRead.mockResolvedValue(5);
    repository.unreadCount.mockResolvedValue(0);

    expect(await service.markAllRead(caseworker)).toEqual({ marked: 5, unreadCount: 0 });
    expect(repository.markAllRead).toHaveBeenCalledWith(caseworker.staffId, caseworkerAudiences);
  });
});
