import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiGoneResponse, ApiOkResponse, ApiForbiddenResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@thc/auth';
import { LinkRefusedError } from '../domain/session.errors';
import { asHttp } from '../shared/http-errors';
import { JoinVisitDto, JoinVisitResponse } from './join-visit.dto';
import { JoinVisitHandler } from './join-visit.handler';
import { refusalProblem } from './join-refusals';

@ApiTags('join links')
@Controller('api/v1/join')
export class JoinVisitController {
  constructor(private readonly handler: JoinVisitHandler) {}

  /**
   * Public: the signed join link is the credential (patients have no account token). Refusals
   * are problem+json whose detail tells the patient, in their language (Accept-Language: en,
   * es), what happened and what to do.
   */
  @Post()
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: JoinVisitResponse })
  @ApiForbiddenResponse({ description: 'the link is not valid, or not open yet' })
  @ApiGoneResponse({ description: 'the link expired or was revoked, or the visit is over' })
  async join(
    @Body() dto: JoinVisitDto,
    @Headers('accept-language') language?: string,
  ): Promise<JoinVisitResponse> {
    try {
      return await asHttp(() => this.handler.execute(dto));
    } catch (error) {
      if (error instanceof LinkRefusedError) throw refusalProblem(error.refusal, language);
      throw error;
    }
  }
}
