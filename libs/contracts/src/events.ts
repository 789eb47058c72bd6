import { OrganisationCreatedData } from './actors/events';
import { CaseOpenedData, ConsentRecordedData } from './cases/events';
import { ReferralStateData } from './referrals/events';
import { EventType } from './subjects';

/** The data class of every event type, so a consumer can validate what it receives. */
export const eventDataClasses = {
  [EventType.OrganisationCreated]: OrganisationCreatedData,
  [EventType.CaseOpened]: CaseOpenedData,
  [EventType.ConsentRecorded]: ConsentRecordedData,
  [EventType.ReferralSent]: ReferralStateData,
  [EventType.ReferralAccepted]: ReferralStateData,
  [EventType.ReferralDeclined]: ReferralStateData,
} as const satisfies Record<EventType, new () => object>;

export type EventData<T extends EventType> = InstanceType<(typeof eventDataClasses)[T]>;
