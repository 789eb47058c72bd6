import { Module } from '@nestjs/common';
import { DemoDataRepository } from './demo-data.repository';
import { DemoDataSeeder } from './demo-data.seeder';

@Module({ providers: [DemoDataRepository, DemoDataSeeder], exports: [DemoDataSeeder] })
export class DemoDataModule {}
