import { Injectable } from '@nestjs/common';
import { defaultPageSize, DomainError, ErrorCode, type ListStaffMembersQuery, type Page, type StaffMemberView } from '@samverkan/contracts';
import { decodeCursor, toPage } from '@samverkan/platform';
import { StaffRepository, type StaffMemberRecord } from './staff.repository';

const toView = (record: StaffMemberRecord): StaffMemberView => ({ ...record });

@Injectable()
export class StaffService {
  constructor(private readonly staff: StaffRepository) {}

  async get(staffId: string): Promise<StaffMemberView> {
    const member = await this.staff.findById(staffId);
    if (!member) throw new DomainError(ErrorCode.StaffMemberNotFound, `No staff member ${staffId}`);
    return toView(member);
  }

  async list(query: ListStaffMembersQuery): Promise<Page<StaffMemberView>> {
    const limit = query.limit ?? defaultPageSize;
    const rows = await this.staff.list({ organisationId: query.organisationId, afterId: decodeCursor(query.after)?.id, take: limit + 1 });
    // Staff names are personal data: the cursor carries the id alone.
    return toPage(rows, limit, toView, (row) => ({ key: '', id: row.id }));
  }
}
