import type { Metadata } from 'next';
import { ResponderConsole } from '../_components/ResponderConsole';

export const metadata: Metadata = { title: 'Emergency responder · OwnChart' };

export default function RespondPage() {
  return (
    <>
      <h1 className="text-3xl font-bold">Emergency responder</h1>
      <ResponderConsole />
    </>
  );
}
