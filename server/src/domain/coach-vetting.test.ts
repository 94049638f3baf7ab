import { describe, expect, it } from 'vitest';
import { needsReview } from './coach-vetting.js';

const current = { certifications: ['ICF ACC', 'EMCC'], yearsOfExperience: 6 };

describe('needsReview', () => {
  it('sends an approved coach back to review when a certification or the experience changes', () => {
    expect(needsReview('approved', current, { certifications: ['ICF PCC', 'EMCC'] })).toBe(true);
    expect(needsReview('approved', current, { certifications: ['ICF ACC'] })).toBe(true);
    expect(needsReview('approved', current, { yearsOfExperience: 12 })).toBe(true);
    expect(needsReview('approved', current, { yearsOfExperience: null })).toBe(true);
  });

  it('leaves an approved coach listed for wording changes and for the same values sent again', () => {
    expect(needsReview('approved', current, {})).toBe(false);
    expect(needsReview('approved', current, { certifications: ['ICF ACC', 'EMCC'] })).toBe(false);
    expect(needsReview('approved', current, { yearsOfExperience: 6 })).toBe(false);
  });

  it('resubmits a rejected coach on any edit and keeps a pending one pending', () => {
    expect(needsReview('rejected', current, {})).toBe(true);
    expect(needsReview('pending', current, { certifications: [] })).toBe(false);
  });
});
