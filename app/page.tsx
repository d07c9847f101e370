import Link from 'next/link';
import { LandingHeader } from '@/components/LandingHeader';
import { chainConfig } from '@/lib/chain/chainConfig';

/**
 * The landing page: what OwnChart is, for someone deciding whether to start. It loads no wallet
 * code before it is read (the header's arrives after: components/LandingHeader.tsx).
 */
export default function HomePage() {
  return (
    <>
      <LandingHeader />
      <main id="main" className="mx-auto max-w-5xl space-y-6 p-4">
        <h1 className="text-3xl font-bold">Your health records, under your keys</h1>
        <p className="text-lg">
          OwnChart keeps your health records for you, locked with a key only you hold. You decide who may read them, you
          can take that back at any time, and you can see who read what.
        </p>
        {chainConfig.isLocal && (
          <p className="card border-teal-700 bg-teal-50">
            This is the demo. <Link href="/walkthrough">Take the guided walkthrough</Link>: eight short steps, about
            five minutes, with demo accounts for a patient, clinicians, a caregiver and a researcher.
          </p>
        )}
        <div className="grid gap-4 md:grid-cols-2">
          <section aria-labelledby="what-heading" className="card space-y-2">
            <h2 id="what-heading" className="text-xl font-semibold">
              What OwnChart does
            </h2>
            <ul className="list-disc space-y-1 pl-5">
              <li>Brings your records from a hospital or clinic file into one place you control.</li>
              <li>
                Lets you give a clinician access to the kinds of records they need (for example medicines and
                allergies), for as long as you choose, and lets them add notes if you allow it.
              </li>
              <li>Lets someone you trust, like a son or daughter, act as your caregiver.</li>
              <li>Lets emergency staff open the records you chose, if you cannot be asked.</li>
              <li>
                If you wish, shares a version of your records without your name with research studies, which pay you.
              </li>
            </ul>
          </section>
          <section aria-labelledby="private-heading" className="card space-y-2">
            <h2 id="private-heading" className="text-xl font-semibold">
              What stays private
            </h2>
            <p>
              Your records are locked (encrypted) on your own device before they are stored. The storage server only
              ever holds locked files it cannot open. Only you, and the people you allow, can unlock them, in their own
              browser. Nobody at OwnChart can read them.
            </p>
          </section>
          <section aria-labelledby="public-heading" className="card space-y-2">
            <h2 id="public-heading" className="text-xl font-semibold">
              What is public
            </h2>
            <p>
              Permissions are kept on a public blockchain so that nobody can change them behind your back. Anyone can
              see that your account number gave another account access, to which numbered kinds of records, and when;
              that something was added to your records and when (not how many records, of which kinds, or what they
              say); which studies you joined; and any emergency access. Your name, your records and any health details
              are never put there.
            </p>
          </section>
          <section aria-labelledby="revoke-heading" className="card space-y-2">
            <h2 id="revoke-heading" className="text-xl font-semibold">
              When you take access back
            </h2>
            <p>
              From the moment your change is confirmed, that person is refused: they cannot open anything more, and
              records you add later are locked with new keys they never get. What they read before, they may have kept:
              nobody can make a person forget. Your list of who read what shows every read.
            </p>
          </section>
        </div>
        <nav aria-label="Start" className="flex flex-wrap gap-4">
          <Link href="/records" className="btn-primary no-underline">
            Open my records
          </Link>
          <Link href="/access" className="btn-secondary no-underline">
            See who can read my records
          </Link>
          <Link href="/patients" className="btn-secondary no-underline">
            I am a clinician: my patients
          </Link>
        </nav>
      </main>
    </>
  );
}
