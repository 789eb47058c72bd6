import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Min } from 'class-validator';
import type { EventType } from './subjects';

/**
 * The versioned event envelope: CloudEvents 1.0 attributes in structured JSON mode, plus the
 * extension attributes `correlationid`, `causationid` and `schemaversion` (CloudEvents
 * extension names are lower-case alphanumerics).
 */
export interface EventEnvelope<TData = unknown> {
  specversion: '1.0';
  /** Unique per event; also the JetStream message id, so re-publishing de-duplicates. */
  id: string;
  /** `/samverkan/<service>` */
  source: string;
  type: EventType;
  /** The aggregate the event is about, `<aggregate>/<id>`. Never identifies a person. */
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  /** The version of the data's shape for this type; see `eventSchemas`. */
  schemaversion: number;
  correlationid: string;
  causationid: string | null;
  data: TData;
}

/**
 * Validates the envelope of an incoming event; the data is validated by its own class. Readers
 * drop attributes they do not know (CloudEvents extensions added later).
 */
export class EventEnvelopeDto {
  @IsIn(['1.0'])
  specversion!: '1.0';

  @IsUUID()
  id!: string;

  @IsString()
  @IsNotEmpty()
  source!: string;

  @IsString()
  @IsNotEmpty()
  type!: EventType;

  @IsString()
  @IsNotEmpty()
  subject!: string;

  @IsISO8601({ strict: true })
  time!: string;

  @IsIn(['application/json'])
  datacontenttype!: 'application/json';

  @IsInt()
  @Min(1)
  schemaversion!: number;

  @IsString()
  @IsNotEmpty()
  correlationid!: string;

  @IsOptional()
  @IsString()
  causationid!: string | null;

  @IsObject()
  data!: Record<string, unknown>;
}
