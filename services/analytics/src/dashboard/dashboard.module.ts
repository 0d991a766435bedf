import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';

/** The dashboard page at /dashboard (charts over the analyst query API). */
@Module({ controllers: [DashboardController] })
export class DashboardModule {}
