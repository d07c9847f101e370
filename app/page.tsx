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
          You decide who can read your health records. Each permission you give a clinician is a transaction you sign
          with your own wallet: which kinds of records, whether they may add to them, and until when. You can take it
          back at any time.
        </p>
        <p>
          What is public: the blockchain shows that your address gave another address access, to which numbered
          categories, and when. It never holds your records, your name, or any health information.
        </p>
        <p>
          When you revoke access, the clinician can no longer read anything from that moment on. What they already read
          cannot be un-read.
        </p>
      </section>
      <nav aria-label="Start" className="flex flex-wrap gap-4">
        <Link href="/access" className="btn-primary no-underline">
          See who can read my records
        </Link>
        <Link href="/patients" className="btn-secondary no-underline">
          I am a clinician: my patients
        </Link>
      </nav>
    </>
  );
}
