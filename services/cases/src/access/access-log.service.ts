import { Injectable } from '@nestjs/common';
import {
  assertRole,
  defaultPageSize,
  StaffRole,
  type AccessLogEntryView,
  type AccessLogVerificationView,
  type ActorContext,
  type ListAccessLogQuery,
  type Page,
} from '@samverkan/contracts';
import { decodeCursor, toPage } from '@samverkan/platform';
import { AccessLog } from './access-log';
import { AccessLogRepository, type AccessLogRecord } from './access-log.repository';

function toView(record: AccessLogRecord): AccessLogEntryView {
  return {
    sequence: record.sequence,
    id: record.id,
    at: record.at.toISOString(),
    staffId: record.staffId,
    organisationId: record.organisationId,
    unitId: record.unitId,
    roles: record.roles,
    action: record.action,
    caseId: record.caseId,
    personId: record.personId,
    purpose: record.purpose,
    legalBasis: record.legalBasis,
    outcome: record.outcome,
    reason: record.reason,
    correlationId: record.correlationId,
  };
}

/**
 * Reading the access log is itself restricted: only data-protection officers, and each only the
 * entries of their own organisation's staff and of the cases it leads.
 */
@Injectable()
export class AccessLogService {
  constructor(
    private readonly repository: AccessLogRepository,
    private readonly accessLog: AccessLog,
  ) {}

  async list(query: ListAccessLogQuery, actor: ActorContext): Promise<Page<AccessLogEntryView>> {
    assertRole(actor, StaffRole.DataProtectionOfficer);
    const limit = query.limit ?? defaultPageSize;
    const before = decodeCursor(query.after, (key) => /^\d{1,15}$/.test(key));
    const rows = await this.repository.list({
      organisationId: actor.organisationId,
      caseId: query.caseId,
      staffId: query.staffId,
      outcome: query.outcome,
      before,
      take: limit + 1,
    });
    return toPage(rows, limit, toView, (row) => ({ key: String(row.sequence), id: row.id }));
  }

  /** Any data-protection officer may check the whole chain: the answer names sequence numbers only. */
  async verify(actor: ActorContext): Promise<AccessLogVerificationView> {
    assertRole(actor, StaffRole.DataProtectionOfficer);
    return this.accessLog.verify();
  }
}
