import { Module } from '@nestjs/common';
import { SupportResourceEventsHandlers, UnitEventsHandlers } from './directory.handlers';
import { DirectoryRepository } from './directory.repository';
import { DirectoryService } from './directory.service';

@Module({
  providers: [DirectoryService, DirectoryRepository, UnitEventsHandlers, SupportResourceEventsHandlers],
  exports: [DirectoryService],
})
export class DirectoryModule {}
