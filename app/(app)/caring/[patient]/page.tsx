import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getAddress, isAddress } from 'viem';
import { CaringFor } from '../_components/Caring';

export const metadata: Metadata = { title: 'Acting for a patient · OwnChart' };

export default async function ActingForPage({ params }: { params: Promise<{ patient: string }> }) {
  const { patient } = await params;
  if (!isAddress(patient)) notFound();
  return (
    <>
      <h1 className="text-3xl font-bold">Caregiving</h1>
      <CaringFor patient={getAddress(patient)} />
    </>
  );
}
