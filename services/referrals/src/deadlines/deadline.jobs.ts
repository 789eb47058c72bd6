import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { EscalationTarget, EventType, ReferralStatus, todayInSweden, type ReferralStep } from '@samverkan/contracts';
import { Outbox, ScheduledJobs, type ScheduledJobRun } from '@samverkan/messaging';
import { addSwedishWorkingDays, nextCalendarDay } from '@samverkan/platform';
import type { ReferralsConfig } from '../config';
import { REFERRALS_CONFIG } from '../config.token';
import { stepDeadlines, toReferralState, type ReferralRecord } from '../referrals/referral';
import { ReferralsRepository } from '../referrals/referrals.repository';

const batch = 100;

/**
 * Missed deadlines, driven from the database (see ScheduledJobs): each run locks a batch of
 * referrals waiting for a step whose last day has passed, and for each step escalates once per
 * level: on the first working day after the deadline to the receiving unit's manager (for an
 * actor outside the network, to the sending unit's manager, whose unit records its steps), and
 * `secondLevelAfterDays` working days later to the sending coordinator, each with a
 * `referral.overdue` event. A referral still unanswered `expireAfterDays` working days after its
 * answer deadline expires. `referral_escalations` is keyed by referral, step and level, so a
 * level fires once however many replicas run the job, and a crashed run is simply run again.
 */
@Injectable()
export class DeadlineJobs implements OnModuleInit {
  constructor(
    private readonly scheduler: ScheduledJobs,
    private readonly referrals: ReferralsRepository,
    private readonly outbox: Outbox,
    @Inject(REFERRALS_CONFIG) private readonly config: Pick<ReferralsConfig, 'deadlines'>,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'referrals.deadlines', intervalMs: this.config.deadlines.intervalMs, run: () => this.run(todayInSweden()) });
  }

  async run(today: string): Promise<ScheduledJobRun> {
    const waiting = await this.referrals.claimPastDeadline(today, batch);
    let items = 0;
    for (const referral of waiting) {
      if (await this.expireIfLapsed(referral, today)) {
        items += 1;
        await this.referrals.setDeadlineCheck(referral.id, null);
        continue;
      }
      for (const step of Object.keys(stepDeadlines) as ReferralStep[]) items += await this.escalate(referral, step, today);
      await this.referrals.setDeadlineCheck(referral.id, await this.nextCheck(referral, today));
    }
    return { items, more: waiting.length === batch };
  }

  /**
   * The first day after today on which something may be due for the referral: the next level of
   * a missed step, or its expiry; null when it waits for nothing. Every claimed referral moves
   * its day past today, so a run never meets the same rows again the same day.
   */
  private async nextCheck(referral: ReferralRecord, today: string): Promise<string | null> {
    const fired = new Set((await this.referrals.escalationsOf(referral.id)).map((escalation) => `${escalation.step}:${escalation.level}`));
    const { secondLevelAfterDays, expireAfterDays } = this.config.deadlines;
    const days: string[] = [];
    for (const step of Object.keys(stepDeadlines) as ReferralStep[]) {
      const { waitsIn, due } = stepDeadlines[step];
      const deadline = referral[due];
      if (!waitsIn.includes(referral.status) || !deadline) continue;
      if (!fired.has(`${step}:1`)) days.push(nextCalendarDay(deadline));
      else if (!fired.has(`${step}:2`)) days.push(nextCalendarDay(addSwedishWorkingDays(deadline, secondLevelAfterDays)));
      if (step === 'answer') days.push(nextCalendarDay(addSwedishWorkingDays(deadline, expireAfterDays)));
    }
    if (days.length === 0) return null;
    const earliest = days.sort()[0] as string;
    return earliest > today ? earliest : nextCalendarDay(today);
  }

  private async escalate(referral: ReferralRecord, step: ReferralStep, today: string): Promise<number> {
    const { waitsIn, due } = stepDeadlines[step];
    const deadline = referral[due];
    if (!waitsIn.includes(referral.status) || !deadline || deadline >= today) return 0;
    const levels: Array<[1 | 2, EscalationTarget]> = [[1, referral.external ? EscalationTarget.SendingUnitManager : EscalationTarget.ReceivingUnitManager]];
    if (addSwedishWorkingDays(deadline, this.config.deadlines.secondLevelAfterDays) < today) levels.push([2, EscalationTarget.SendingCoordinator]);
    let fired = 0;
    for (const [level, escalateTo] of levels) {
      if (!(await this.referrals.recordEscalation(referral.id, step, level))) continue;
      await this.outbox.add(
        EventType.ReferralOverdue,
        { type: 'referral', id: referral.id },
        { ...toReferralState(referral), overdueStep: step, level, escalateTo, fromUnitId: referral.fromUnitId },
      );
      fired += 1;
    }
    return fired;
  }

  /** An unanswered referral lapses `expireAfterDays` working days after its answer deadline. */
  private async expireIfLapsed(referral: ReferralRecord, today: string): Promise<boolean> {
    const { waitsIn } = stepDeadlines.answer;
    if (!waitsIn.includes(referral.status) || !referral.answerBy) return false;
    if (addSwedishWorkingDays(referral.answerBy, this.config.deadlines.expireAfterDays) >= today) return false;
    const at = new Date();
    const next: ReferralRecord = { ...referral, status: ReferralStatus.Expired, endedAt: at, version: referral.version + 1 };
    const expired = await this.referrals.transition(next, referral.version, [
      this.outbox.envelope(EventType.ReferralExpired, { type: 'referral', id: referral.id }, toReferralState(next)),
    ]);
    return expired !== null;
  }
}
