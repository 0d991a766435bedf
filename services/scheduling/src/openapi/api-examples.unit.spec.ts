import { Type } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import {
  BOOK_APPOINTMENT_EXAMPLE,
  BOOK_REQUESTED_APPOINTMENT_EXAMPLE,
  BookAppointmentDto,
  BookRequestedAppointmentDto,
} from '../appointments/book-appointment/book-appointment.dto';
import {
  CANCEL_APPOINTMENT_EXAMPLE,
  CancelAppointmentDto,
} from '../appointments/cancel-appointment/cancel-appointment.dto';
import {
  CHECK_IN_EXAMPLE,
  CheckInDto,
  COMPLETE_EXAMPLE,
  CompleteDto,
  NO_SHOW_EXAMPLE,
  NoShowDto,
} from '../appointments/record-visit-outcome/visit-outcome.dto';
import {
  REQUEST_APPOINTMENT_EXAMPLE,
  RequestAppointmentDto,
} from '../appointments/request-appointment/request-appointment.dto';
import {
  RESCHEDULE_APPOINTMENT_EXAMPLE,
  RescheduleAppointmentDto,
} from '../appointments/reschedule-appointment/reschedule-appointment.dto';
import {
  PUT_PROVIDER_SCHEDULE_EXAMPLE,
  PutProviderScheduleDto,
} from '../availability/define-schedule/put-provider-schedule.dto';
import {
  JOIN_WAITLIST_EXAMPLE,
  JoinWaitlistDto,
} from '../waitlist/join-waitlist/join-waitlist.dto';
import {
  LEAVE_WAITLIST_EXAMPLE,
  LeaveWaitlistDto,
} from '../waitlist/leave-waitlist/leave-waitlist.dto';

const examples: [string, Type<object>, object][] = [
  ['BookAppointmentDto', BookAppointmentDto, BOOK_APPOINTMENT_EXAMPLE],
  ['BookRequestedAppointmentDto', BookRequestedAppointmentDto, BOOK_REQUESTED_APPOINTMENT_EXAMPLE],
  ['CancelAppointmentDto', CancelAppointmentDto, CANCEL_APPOINTMENT_EXAMPLE],
  ['CheckInDto', CheckInDto, CHECK_IN_EXAMPLE],
  ['NoShowDto', NoShowDto, NO_SHOW_EXAMPLE],
  ['CompleteDto', CompleteDto, COMPLETE_EXAMPLE],
  ['RequestAppointmentDto', RequestAppointmentDto, REQUEST_APPOINTMENT_EXAMPLE],
  ['RescheduleAppointmentDto', RescheduleAppointmentDto, RESCHEDULE_APPOINTMENT_EXAMPLE],
  ['PutProviderScheduleDto', PutProviderScheduleDto, PUT_PROVIDER_SCHEDULE_EXAMPLE],
  ['JoinWaitlistDto', JoinWaitlistDto, JOIN_WAITLIST_EXAMPLE],
  ['LeaveWaitlistDto', LeaveWaitlistDto, LEAVE_WAITLIST_EXAMPLE],
];

// An example request the API would refuse teaches the wrong thing: each one passes the same
// checks as a real body (the global ValidationPipe's options).
it.each(examples)(
  'the documented example of %s is a valid request body',
  async (_, type, example) => {
    const errors = await validate(plainToInstance(type, example), {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
    });
    expect(errors.flatMap(String)).toEqual([]);
  },
);
