import { Module } from '@nestjs/common';
import { WorkplacesHandlers } from './workplaces.handlers';
import { WorkplacesRepository } from './workplaces.repository';
import { WorkplacesService } from './workplaces.service';

@Module({ controllers: [WorkplacesHandlers], providers: [WorkplacesService, WorkplacesRepository] })
export class WorkplacesModule {}
