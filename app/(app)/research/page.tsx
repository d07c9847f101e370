import type { Metadata } from 'next';
import { ResearchConsole } from './_components/ResearchConsole';

export const metadata: Metadata = { title: 'Research console · OwnChart' };

export default function ResearchPage() {
  return (
    <>
      <h1 className="text-3xl font-bold">Research console</h1>
      <ResearchConsole />
    </>
  );
}
