import type { Metadata } from 'next';
import { PatientRecords } from './_components/PatientRecords';

export const metadata: Metadata = { title: 'My records · OwnChart' };

export default function RecordsPage() {
  return (
    <>
      <h1 className="text-3xl font-bold">My records</h1>
      <PatientRecords />
    </>
  );
}
