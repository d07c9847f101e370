import type { Metadata } from 'next';
import { WalkthroughSteps } from './_components/WalkthroughSteps';

export const metadata: Metadata = { title: 'Guided walkthrough · OwnChart' };

export default function WalkthroughPage() {
  return (
    <>
      <h1 className="text-3xl font-bold">Guided walkthrough</h1>
      <p>
        Eight steps through the demo, about five minutes: a patient sees who can read his records, grants a clinician
        access, the clinician reads, the patient revokes and the clinician loses access; then he joins a research study,
        claims a reward, and sees who read what. Once started, the current step stays at the top of every page with a
        button to the next one.
      </p>
      <WalkthroughSteps />
    </>
  );
}
