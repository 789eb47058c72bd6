import { IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { PageQuery } from '../pagination';
import { StaffRole } from '../vocabulary';

export class GetStaffMemberQuery {
  @IsUUID()
  staffId!: string;
}

export class ListStaffMembersQuery extends PageQuery {
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

export class StaffMemberView {
  @IsUUID()
  id!: string;

  @IsString()
  displayName!: string;

  @IsUUID()
  organisationId!: string;

  @IsUUID()
  unitId!: string;

  @IsString()
  unitName!: string;

  @IsIn(Object.values(StaffRole), { each: true })
  roles!: StaffRole[];
}
