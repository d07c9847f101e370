import type { Metadata } from 'next';
import { Caring } from './_components/Caring';

export const metadata: Metadata = { title: 'Caregiving · OwnChart' };

export default function CaringPage() {
  return (
    <>
      <h1 className="text-3xl font-bold">Caregiving</h1>
      <Caring />
    </>
  );
}
