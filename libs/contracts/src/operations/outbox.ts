import { IsISO8601 } from 'class-validator';

/** Re-publishes every outbox event created at or after `since`, for a NATS that lost its store. */
export class RepublishOutboxCommand {
  @IsISO8601({ strict: true })
  since!: string;
}

export class RepublishOutboxResult {
  requeued!: number;
}
