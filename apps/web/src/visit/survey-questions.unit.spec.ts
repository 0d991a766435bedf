import { scaleOf, SURVEY_QUESTIONS, surveySubmissionOf } from './survey-questions';

describe('the post-visit survey on the visit page', () => {
  it('sends the answers as numbers, without empty optional ones', () => {
    expect(
      surveySubmissionOf({
        overall: '4',
        wouldRecommend: '0',
        technicalQuality: '',
        comment: '  ',
      }),
    ).toEqual({ submission: { overall: 4, wouldRecommend: 0 } });
  });

  it('sends the optional answers given', () => {
    expect(
      surveySubmissionOf({
        overall: '5',
        wouldRecommend: '10',
        technicalQuality: '3',
        comment: ' Fine ',
      }),
    ).toEqual({
      submission: { overall: 5, wouldRecommend: 10, technicalQuality: 3, comment: 'Fine' },
    });
  });

  it('names the required questions left unanswered', () => {
    const answer = surveySubmissionOf({ wouldRecommend: '7' });
    expect('missing' in answer && answer.missing.map((q) => q.linkId)).toEqual(['overall']);
  });

  it('offers each scale from its least to its most', () => {
    const [overall, recommend] = SURVEY_QUESTIONS;
    expect(scaleOf(overall!.scale!)).toEqual([1, 2, 3, 4, 5]);
    expect(scaleOf(recommend!.scale!)).toHaveLength(11);
  });
});
