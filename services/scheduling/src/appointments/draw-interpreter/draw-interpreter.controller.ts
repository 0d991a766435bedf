import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { AppointmentCommandRoute } from '../appointment-command.route';
import { AppointmentResponse, toResponse } from '../appointment.response';
import { asHttp } from '../http-errors';
import { scheduledOrFail } from '../scheduled-or-fail';
import { DRAW_INTERPRETER_EXAMPLE, DrawInterpreterDto } from './draw-interpreter.dto';
import { DrawInterpreterHandler } from './draw-interpreter.handler';
import { ParseUuidParam } from '@thc/service-runtime';

@ApiTags('appointments')
@ApiBearerAuth()
@Controller('api/v1/appointments')
export class DrawInterpreterController {
  constructor(private readonly handler: DrawInterpreterHandler) {}

  /** The visit's provider or staff of its clinic draw an interpreter asked for on demand. */
  @AppointmentCommandRoute({
    action: 'interpreter',
    roles: ['provider', 'coordinator', 'admin'],
    summary: 'Draw an interpreter for the rest of a visit',
    description:
      "Draws, now, a free interpreter of the language from the directory's pool (credentialed, at work until the visit ends) for a visit booked with an interpreter on demand, or for any visit without an interpreter when the body names the language. The interpreter's time is held from now (or the visit's start, when later) to its end in the same booking ledger as every booking, so one interpreter is never held twice; cancelling or moving the visit releases it like a held one. InterpreterAssigned tells sessions, which adds the interpreter to the visit. A visit that already has an interpreter is refused, not drawn for twice.",
    morePhi: 'the language asked (in the request only)',
    forbidden:
      "The role is not one admitted here, the caller is neither the visit's own provider nor a coordinator or admin who covers its clinic, or the provider's care window has closed.",
    conflict:
      'No interpreter of the language is credentialed, at work and free for the rest of the visit (the detail names the language and the time); the visit has ended, was cancelled or missed, or already has an interpreter; or it changed at the same time (try again).',
    unprocessable:
      "No language: the visit asked for no interpreter on demand and the body names none (or the patient's records were erased since).",
    body: { type: DrawInterpreterDto, example: DRAW_INTERPRETER_EXAMPLE },
    answer: 'The appointment, with its interpreter',
  })
  async draw(
    @Param('id', ParseUuidParam) id: string,
    @Body() dto: DrawInterpreterDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AppointmentResponse> {
    const { after, language } = await asHttp(() => this.handler.execute(id, dto, principal));
    return toResponse(scheduledOrFail(after.state), after.version, language);
  }
}
