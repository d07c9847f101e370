import type { Resource } from '@medplum/fhirtypes';
import { patientIdentity } from '@/lib/fhir/patientIdentity';

/**
 * Who the chart is about, as the patient's own Patient record says, or plainly that they have
 * not shared it with this reader (it is filed under Other records, which a grant may leave out).
 */
export function PatientIdentityLine({ resources }: { resources: readonly Resource[] }) {
  const identity = patientIdentity(resources);
  if (!identity) {
    return (
      <p className="text-slate-700">
        The patient has not shared who they are (name, age, sex) with you: their Patient record is not among the records
        you can read.
      </p>
    );
  }
  const parts = [
    identity.name ?? 'Name not recorded',
    identity.age === null ? 'age not recorded' : `${identity.age} years old`,
    identity.sex ?? 'sex not recorded',
  ];
  return (
    <p>
      <strong>From their records: </strong>
      {parts.join(' · ')}
    </p>
  );
}
