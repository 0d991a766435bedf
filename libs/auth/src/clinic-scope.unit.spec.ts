import { clinicFilterOf, coversAnyClinic, coversClinic, withinClinicScope } from './clinic-scope';
import { Principal } from './principal';

const coordinator = (clinics?: Principal['clinics']): Principal => ({
  subject: 's-1',
  roles: ['coordinator'],
  ...(clinics === undefined ? {} : { clinics }),
});

describe('the clinics a staff member acts in', () => {
  it('covers the clinics listed in the token, and no other', () => {
    const caller = coordinator(['c-1', 'c-2']);
    expect(coversClinic(caller, 'c-1')).toBe(true);
    expect(coversClinic(caller, 'c-3')).toBe(false);
    expect(coversAnyClinic(caller, ['c-3', 'c-2'])).toBe(true);
    expect(coversAnyClinic(caller, [])).toBe(false);
  });

  it('covers every clinic of the organization with `all`', () => {
    expect(coversClinic(coordinator('all'), 'c-9')).toBe(true);
    expect(clinicFilterOf(coordinator('all'))).toBeUndefined();
  });

  it('covers nothing when the token grants no clinics', () => {
    expect(coversClinic(coordinator(), 'c-1')).toBe(false);
    expect(clinicFilterOf(coordinator())).toEqual([]);
  });

  it('bounds a list to the covered clinics, dropping rows of no clinic', () => {
    const rows = [{ clinicId: 'c-1' }, { clinicId: 'c-3' }, { clinicId: undefined }];
    expect(withinClinicScope(coordinator(['c-1']), rows, (row) => row.clinicId)).toEqual([
      { clinicId: 'c-1' },
    ]);
  });
});
