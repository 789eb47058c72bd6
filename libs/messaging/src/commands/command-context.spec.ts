import { afterCommit, collectingTransactionEvents } from './command-context';

describe('work after a commit', () => {
  const transaction = (outcome: 'commit' | 'rollback', body: () => Promise<void>) =>
    collectingTransactionEvents(async (work) => {
      await work();
      if (outcome === 'rollback') throw new Error('rolled back');
    }, body);

  it('runs once the transaction committed, in the order it was asked for', async () => {
    const ran: string[] = [];

    await transaction('commit', async () => {
      afterCommit(() => ran.push('first'));
      await Promise.resolve();
      afterCommit(() => ran.push('second'));
      expect(ran).toEqual([]);
    });

    expect(ran).toEqual(['first', 'second']);
  });

  it('never runs when the transaction rolled back', async () => {
    const ran: string[] = [];

    await expect(transaction('rollback', async () => afterCommit(() => ran.push('announced')))).rejects.toThrow('rolled back');

    expect(ran).toEqual([]);
  });

  it('runs at once outside a transaction, and a failure does not undo the commit or stop the rest', async () => {
    const ran: string[] = [];
    afterCommit(() => ran.push('alone'));
    expect(ran).toEqual(['alone']);

    await expect(
      transaction('commit', async () => {
        afterCommit(() => {
          throw new Error('NATS is away');
        });
        afterCommit(() => ran.push('after the failure'));
      }),
    ).resolves.toBeUndefined();
    expect(ran).toEqual(['alone', 'after the failure']);
  });
});
