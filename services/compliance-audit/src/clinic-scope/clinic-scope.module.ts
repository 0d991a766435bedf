import { Module } from '@nestjs/common';
import { CareLinksModule } from '../care-links/care-links.module';
import { DirectoryModule } from '../directory/directory.module';
import { ClinicAccess } from './clinic-access';

/** Which patients and staff members a caller reaches, by the clinics they cover. */
@Module({
  imports: [CareLinksModule, DirectoryModule],
  providers: [ClinicAccess],
  exports: [ClinicAccess],
})
export class ClinicScopeModule {}
