import { Body, Controller } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { invalidInputDoc, UseCaseRoute } from '@thc/service-runtime';
import { FhirBundleDto, IMPORT_BUNDLE_EXAMPLE } from './fhir-bundle.dto';
import { DirectoryImportResponse } from './directory-import.response';
import { ImportDirectoryHandler } from './import-directory.handler';

@ApiTags('directory')
@Controller('api/v1/directory/import')
export class DirectoryImportController {
  constructor(private readonly importer: ImportDirectoryHandler) {}

  @UseCaseRoute({
    method: 'POST',
    status: 200,
    answer: {
      type: DirectoryImportResponse,
      description: 'What each entry recorded, or found unchanged.',
    },
    summary: 'Import the directory from a FHIR R4 Bundle',
    description:
      'Records organizations, clinics and staff from a Bundle (`collection`, `batch` or `transaction`) of Organization, Location, Practitioner and PractitionerRole resources, as an EHR exports them. Resource ids (or `urn:uuid:` full URLs) are the directory ids and must be UUIDs. A Location needs the `http://hl7.org/fhir/StructureDefinition/timezone` extension; a Practitioner is recorded with the functions and clinics of their active PractitionerRoles in the same bundle; a state licence is a qualification issued by `urn:iso:std:iso:3166:-2` `US-<state>`. The whole bundle is checked before anything is recorded. Importing the same bundle again records nothing. Accepts `application/json` and `application/fhir+json`.',
    roles: ['admin'],
    phi: 'none: directory facts',
    errors: {
      400: invalidInputDoc({
        body: true,
        also: 'an entry is not one the directory reads, or refers to what neither the bundle nor the directory lists (`invalid-params` names each as `entry[3].resource.address[0].state`)',
      }),
      403: "An entry is of another organization than the admin's, or in a clinic the admin does not cover.",
      409: 'Someone else changed a record at the same time; repeat the import (what was recorded stays, and is unchanged the second time).',
      413: 'The bundle is larger than the body limit: import it in parts, organizations and clinics first.',
    },
    body: { type: FhirBundleDto, example: IMPORT_BUNDLE_EXAMPLE },
  })
  @ApiConsumes('application/json', 'application/fhir+json')
  import(
    @Body() bundle: FhirBundleDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DirectoryImportResponse> {
    return this.importer.execute(bundle, principal);
  }
}
