import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetStaffMemberQuery, ListStaffMembersQuery, Requests, type Page, type StaffMemberView } from '@samverkan/contracts';
import { StaffService } from './staff.service';

@Controller()
export class StaffHandlers {
  constructor(private readonly staff: StaffService) {}

  @MessagePattern(Requests.actors.getStaffMember)
  get(@Payload() query: GetStaffMemberQuery): Promise<StaffMemberView> {
    return this.staff.get(query.staffId);
  }

  @MessagePattern(Requests.actors.listStaffMembers)
  list(@Payload() query: ListStaffMembersQuery): Promise<Page<StaffMemberView>> {
    return this.staff.list(query);
  }
}
