import { Type } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import {
  AUDIO_ONLY_EXAMPLE,
  AudioOnlyDto,
  LEAVE_EXAMPLE,
  LeaveDto,
  QUALITY_SAMPLE_EXAMPLE,
  QualitySampleDto,
} from '../visits/in-visit/in-visit.dto';
import {
  ISSUE_JOIN_LINK_EXAMPLE,
  IssueJoinLinkDto,
} from '../visits/join-links/issue-join-link.dto';
import { JOIN_VISIT_EXAMPLE, JoinVisitDto } from '../visits/join-links/join-visit.dto';
import {
  END_SESSION_EXAMPLE,
  EndSessionDto,
  TRANSFER_PROVIDER_EXAMPLE,
  TransferProviderDto,
} from '../visits/run-visit/run-visit.dto';
import { SUBMIT_SURVEY_EXAMPLE, SubmitSurveyDto } from '../visits/survey/survey.dto';
import {
  ASSIGN_ISSUE_EXAMPLE,
  AssignIssueDto,
  OPEN_ISSUE_EXAMPLE,
  OpenIssueDto,
  PRE_VISIT_CHECK_EXAMPLE,
  PreVisitCheckDto,
  RESOLVE_ISSUE_EXAMPLE,
  ResolveIssueDto,
} from '../visits/troubleshooting/troubleshooting.dto';

const examples: [string, Type<object>, object][] = [
  ['LeaveDto', LeaveDto, LEAVE_EXAMPLE],
  ['QualitySampleDto', QualitySampleDto, QUALITY_SAMPLE_EXAMPLE],
  ['AudioOnlyDto', AudioOnlyDto, AUDIO_ONLY_EXAMPLE],
  ['IssueJoinLinkDto', IssueJoinLinkDto, ISSUE_JOIN_LINK_EXAMPLE],
  ['JoinVisitDto', JoinVisitDto, JOIN_VISIT_EXAMPLE],
  ['EndSessionDto', EndSessionDto, END_SESSION_EXAMPLE],
  ['TransferProviderDto', TransferProviderDto, TRANSFER_PROVIDER_EXAMPLE],
  ['SubmitSurveyDto', SubmitSurveyDto, SUBMIT_SURVEY_EXAMPLE],
  ['OpenIssueDto', OpenIssueDto, OPEN_ISSUE_EXAMPLE],
  ['AssignIssueDto', AssignIssueDto, ASSIGN_ISSUE_EXAMPLE],
  ['ResolveIssueDto', ResolveIssueDto, RESOLVE_ISSUE_EXAMPLE],
  ['PreVisitCheckDto', PreVisitCheckDto, PRE_VISIT_CHECK_EXAMPLE],
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
