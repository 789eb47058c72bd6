import { Module } from '@nestjs/common';
import { SupportResourcesHandlers } from './support-resources.handlers';
import { SupportResourcesRepository } from './support-resources.repository';
import { SupportResourcesService } from './support-resources.service';

@Module({ controllers: [SupportResourcesHandlers], providers: [SupportResourcesService, SupportResourcesRepository] })
export class SupportResourcesModule {}
