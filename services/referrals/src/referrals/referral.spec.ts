import { ReferralStatus } from '@samverkan/contracts';
import { randomUUID } from 'node:crypto';
import { allowedMoves, finalStatuses, liveStatuses, partiesOf, ReferralParty } from './referral';

describe('the parties to a referral', () => {
  const sender = randomUUID();
  const receiver = randomUUID();
  const referral = (external: boolean) => ({ fromOrganisationId: sender, toOrganisationId: receiver, external });

  it('are the sender and the receiver, each only itself, inside the network', () => {
    expect(partiesOf(referral(false), sender)).toEqual([ReferralParty.Sender]);
    expect(partiesOf(referral(false), receiver)).toEqual([ReferralParty.Receiver]);
    expect(partiesOf(referral(false), randomUUID())).toEqual([]);
  });

  it('make the sender of a referral outside the network answer for its receiver too', () => {
    expect(partiesOf(referral(true), sender)).toEqual([ReferralParty.Sender, ReferralParty.Receiver]);
    expect(partiesOf(referral(true), randomUUID())).toEqual([]);
  });

  it('give the sender of an external referral every move of both parties, and nothing the table does not have', () => {
    const both = [ReferralParty.Sender, ReferralParty.Receiver];
    expect(allowedMoves(ReferralStatus.Sent, both).sort()).toEqual(
      [ReferralStatus.Acknowledged, ReferralStatus.Accepted, ReferralStatus.Declined, ReferralStatus.Withdrawn].sort(),
    );
    expect(allowedMoves(ReferralStatus.Accepted, both).sort()).toEqual([ReferralStatus.Started, ReferralStatus.Withdrawn].sort());
    expect(allowedMoves(ReferralStatus.Started, both).sort()).toEqual([ReferralStatus.Completed, ReferralStatus.Interrupted].sort());
    expect(allowedMoves(ReferralStatus.Completed, both)).toEqual([]);
    expect(allowedMoves(ReferralStatus.Sent, [ReferralParty.Sender])).toEqual([ReferralStatus.Withdrawn]);
  });
});

describe('the final statuses', () => {
  it('are the ones the lifecycle leaves no way out of, as the counting trigger in the database lists them', () => {
    // referral_final_counts' migration names these literally: a status added to the lifecycle must be added there too.
    expect([...finalStatuses].sort()).toEqual(['completed', 'declined', 'expired', 'interrupted', 'withdrawn']);
    expect([...liveStatuses].sort()).toEqual(['accepted', 'acknowledged', 'sent', 'started']);
  });
});
