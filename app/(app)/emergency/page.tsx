import type { Metadata } from 'next';
import { PatientEmergency } from './_components/PatientEmergency';

export const metadata: Metadata = { title: 'Emergency access · OwnChart' };

export default function EmergencyPage() {
  return (
    <>
      <h1 className="text-3xl font-bold">Emergency access</h1>
      <PatientEmergency />
    </>
  );
}
