import { Module } from '@nestjs/common';
import { StaffHandlers } from './staff.handlers';
import { StaffRepository } from './staff.repository';
import { StaffService } from './staff.service';

@Module({ controllers: [StaffHandlers], providers: [StaffService, StaffRepository] })
export class StaffModule {}
