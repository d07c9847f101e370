import type { Metadata } from 'next';
import { PatientAccess } from './_components/PatientAccess';

export const metadata: Metadata = { title: 'My records access · OwnChart' };

export default function AccessPage() {
  return (
    <>
      <h1 className="text-3xl font-bold">My records access</h1>
      <PatientAccess />
    </>
  );
}
