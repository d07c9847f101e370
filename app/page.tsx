import Link from 'next/link';

export default function HomePage() {
  return (
    <>
      <h1 className="text-3xl font-bold">Your health records, under your keys</h1>
      <section aria-labelledby="what-heading" className="card space-y-3">
        <h2 id="what-heading" className="text-xl font-semibold">
          What OwnChart does
        </h2>
        <p>
          You keep your health records here, encrypted in your own browser with keys only your wallet can unlock. You
          decide who can read them. Each permission you give a clinician is a transaction you sign with your own wallet:
          which kinds of records, whether they may add to them, and until when. You can take it back at any time, and
          you can see exactly who read what, and when.
        </p>
        <p>
          If you choose, you can share a de-identified extract with research studies and be paid for it, and let
          emergency staff open the records they need when you cannot be asked.
        </p>
        <p>
          What is public: the blockchain shows that your address gave another address access, to which numbered
          categories, and when; that records were added (a fingerprint of the encrypted file, never its content); which
          studies you joined; and any emergency access. It never holds your records, your name, or any health
          information.
        </p>
        <p>
          When you revoke access, the clinician can no longer read anything from that moment on, and records you add
          afterwards use new keys they never had. What they already read cannot be un-read.
        </p>
      </section>
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
    </>
  );
}
