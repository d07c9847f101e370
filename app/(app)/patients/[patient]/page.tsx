import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getAddress, isAddress } from 'viem';
import { ClinicianChart } from './_components/ClinicianChart';

export const metadata: Metadata = { title: 'Patient chart · OwnChart' };

export default async function PatientChartPage({ params }: { params: Promise<{ patient: string }> }) {
  const { patient } = await params;
  if (!isAddress(patient)) notFound();
  return (
    <>
      <h1 className="text-3xl font-bold">Patient chart</h1>
      <ClinicianChart patient={getAddress(patient)} />
    </>
  );
}
