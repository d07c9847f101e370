import type { Metadata } from 'next';
import { PatientImport } from '../_components/PatientImport';

export const metadata: Metadata = { title: 'Import records · OwnChart' };

export default function ImportPage() {
  return (
    <>
      <h1 className="text-3xl font-bold">Import records</h1>
      <PatientImport />
    </>
  );
}
