import type { Metadata } from 'next';
import { PatientStudies } from './_components/PatientStudies';

export const metadata: Metadata = { title: 'Research studies · OwnChart' };

export default function StudiesPage() {
  return (
    <>
      <h1 className="text-3xl font-bold">Research studies</h1>
      <PatientStudies />
    </>
  );
}
