import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { DemoDataRepository } from './demo-data.repository';
import { DemoDataSeeder } from './demo-data.seeder';

@Module({ imports: [OrganisationsModule], providers: [DemoDataRepository, DemoDataSeeder], exports: [DemoDataSeeder] })
export class DemoDataModule {}
