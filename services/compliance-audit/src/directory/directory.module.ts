import { Module } from '@nestjs/common';
import { StaffDirectory } from './staff-directory.projection';

/** The staff directory, learnt from scheduling's directory events: who belongs to which clinics. */
@Module({ providers: [StaffDirectory], exports: [StaffDirectory] })
export class DirectoryModule {}
