import type { Encounter } from '@medplum/fhirtypes';

/** Encounter classes (v3 ActCode) in words: a patient reads "Emergency", not "EMER". */
const ENCOUNTER_CLASS: Record<string, string> = {
  AMB: 'Outpatient visit',
  EMER: 'Emergency',
  IMP: 'Hospital stay',
  ACUTE: 'Hospital stay (acute)',
  NONAC: 'Hospital stay (non-acute)',
  OBSENC: 'Observation stay',
  PRENC: 'Pre-admission visit',
  SS: 'Short stay',
  VR: 'Virtual visit',
  HH: 'Home visit',
  FLD: 'Field visit',
};

/** The kind of visit in words, else the record's own display or code; null if it has none. */
export function encounterClass(encounter: Encounter): string | null {
  const code = encounter.class?.code;
  return (code && ENCOUNTER_CLASS[code]) ?? encounter.class?.display ?? code ?? null;
}
