import type { Metadata } from 'next';
import { WhoReadMyRecords } from './_components/WhoReadMyRecords';

export const metadata: Metadata = { title: 'Who read my records · OwnChart' };

export default function DisclosuresPage() {
  return (
    <>
      <h1 className="text-3xl font-bold">Who read my records</h1>
      <WhoReadMyRecords />
    </>
  );
}
