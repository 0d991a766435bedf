import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import {
  CREATE_MODULE_EXAMPLE,
  CreateModuleDto,
  PUBLISH_MODULE_VERSION_EXAMPLE,
  PublishModuleVersionDto,
} from '../catalog/manage-catalog/catalog.dto';
import {
  ASSIGN_MODULE_EXAMPLE,
  AssignModuleDto,
} from '../staff-training/assign-module/assign-module.dto';
import { ENROL_STAFF_EXAMPLE, EnrolStaffDto } from '../staff-training/enrol-staff/enrol-staff.dto';
import {
  RECORD_CERTIFICATION_EXAMPLE,
  RecordCertificationDto,
} from '../staff-training/record-certification/record-certification.dto';
import {
  RECORD_COMPLETION_EXAMPLE,
  RecordCompletionDto,
} from '../staff-training/record-completion/record-completion.dto';
import {
  REVOKE_CERTIFICATION_EXAMPLE,
  RevokeCertificationDto,
} from '../staff-training/revoke-certification/revoke-certification.dto';

// The documented example requests are what client teams copy first: each must pass the same
// validation as a real request (the options of the global ValidationPipe).
describe('the example request of every training operation is a valid request', () => {
  test.each([
    ['CreateModuleDto', CreateModuleDto, CREATE_MODULE_EXAMPLE],
    ['PublishModuleVersionDto', PublishModuleVersionDto, PUBLISH_MODULE_VERSION_EXAMPLE],
    ['EnrolStaffDto', EnrolStaffDto, ENROL_STAFF_EXAMPLE],
    ['AssignModuleDto', AssignModuleDto, ASSIGN_MODULE_EXAMPLE],
    ['RecordCompletionDto', RecordCompletionDto, RECORD_COMPLETION_EXAMPLE],
    ['RecordCertificationDto', RecordCertificationDto, RECORD_CERTIFICATION_EXAMPLE],
    ['RevokeCertificationDto', RevokeCertificationDto, REVOKE_CERTIFICATION_EXAMPLE],
  ] as const)('%s', async (_, type, example) => {
    const errors = await validate(plainToInstance(type as new () => object, example), {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
    });
    expect(errors).toEqual([]);
  });
});
