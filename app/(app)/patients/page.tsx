import type { Metadata } from 'next';
import { ClinicianPatients } from './_components/ClinicianPatients';

export const metadata: Metadata = { title: 'My patients · OwnChart' };

export default function PatientsPage() {
  return (
    <>
      <h1 className="text-3xl font-bold">Patients who gave me access</h1>
      <ClinicianPatients />
    </>
  );
}
