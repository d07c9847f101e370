import { describe, expect, it } from 'vitest';
import { isNavRole, navRole, roleForPath } from './siteNavigation';

describe('site navigation', () => {
  it('follows the page: a clinician on their patient list, a responder on the respond page', () => {
    expect(navRole({ pathname: '/patients/0xabc', chosen: 'patient', demoRole: null })).toBe('clinician');
    expect(navRole({ pathname: '/emergency/respond', chosen: null, demoRole: 'Patient' })).toBe('responder');
    expect(navRole({ pathname: '/emergency', chosen: 'responder', demoRole: null })).toBe('patient');
    expect(navRole({ pathname: '/research', chosen: null, demoRole: null })).toBe('researcher');
  });

  it('on pages for everyone, keeps the role last chosen, else the demo account’s, else patient', () => {
    expect(navRole({ pathname: '/', chosen: 'researcher', demoRole: 'Clinician' })).toBe('researcher');
    expect(navRole({ pathname: '/walkthrough', chosen: null, demoRole: 'Clinician' })).toBe('clinician');
    expect(navRole({ pathname: '/', chosen: null, demoRole: null })).toBe('patient');
  });

  it('accepts only a role it knows from storage, not an inherited property name', () => {
    expect(isNavRole('clinician')).toBe(true);
    expect(isNavRole('constructor')).toBe(false);
    expect(isNavRole('toString')).toBe(false);
  });

  it('keeps the caregiving page with whoever is using it', () => {
    expect(roleForPath('/caring/0xabc', 'caregiver')).toBe('caregiver');
    expect(roleForPath('/caring', 'patient')).toBe('patient');
    expect(roleForPath('/recordsx', 'patient')).toBeNull();
  });
});
