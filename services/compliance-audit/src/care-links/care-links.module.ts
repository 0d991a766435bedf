import { Module } from '@nestjs/common';
import { CareLinks } from './care-links.projection';

/** Who is whose patient, learnt from scheduling and sessions events. */
@Module({ providers: [CareLinks], exports: [CareLinks] })
export class CareLinksModule {}
