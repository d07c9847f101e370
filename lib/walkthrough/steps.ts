import { demoAccount, type DemoAccount } from '../wallet/demoAccounts';

export type WalkthroughStep = {
  title: string;
  /** The demo account to be connected as for this step. */
  account: DemoAccount;
  href: string;
  /** The page's name as the header navigation spells it. */
  page: string;
  /** What the presenter does, in order. */
  actions: string[];
  /** What the audience should notice. */
  lookFor: string;
  /** An address the presenter will need to paste, if any. */
  paste?: { label: string; value: string };
};

const patient = demoAccount('Patient');
const nair = demoAccount('Clinician', 1);
const SWITCH = (to: DemoAccount) =>
  `Switch account: press your address at the top right, then Disconnect; press Connect wallet and choose “${to.role} — ${to.name}” from the list, then Sign message.`;

/**
 * The guided walkthrough of the seeded demo, in the order a presenter shows it: who can read →
 * grant → a clinician reads → revoke → the clinician loses access → join a study → claim → who
 * read what. Each step names the account to use, the page, what to do and what to look for.
 */
export const WALKTHROUGH: readonly WalkthroughStep[] = [
  {
    title: 'See who can read your records',
    account: patient,
    href: '/access',
    page: 'My records access',
    actions: [`Press Connect wallet and choose “Patient — ${patient.name}” from the list, then Sign message.`],
    lookFor:
      'Dr. Sam Okafor can read six kinds of records and add notes; Dr. Priya Nair’s grant has expired. Ana Bosco is your caregiver. The access history shows a grant you revoked and an emergency access that was opened and ended.',
  },
  {
    title: 'Grant access',
    account: patient,
    href: '/access',
    page: 'My records access',
    actions: [
      'In “Grant access”, paste Dr. Priya Nair’s address, tick Labs and vitals, keep Read only, and press Grant access.',
      'Below the form, press Unlock records (a signature, not a transaction) so her keys for Labs and vitals are sealed to her.',
    ],
    paste: { label: 'Dr. Priya Nair’s address', value: nair.address },
    lookFor:
      'The grant is a transaction you signed: Dr. Nair is active under “Who can read my records” as soon as it is confirmed. Once unlocked, “Record keys are shared with everyone you have granted” confirms the key to your labs was sealed to her alone; the server never sees it.',
  },
  {
    title: 'A clinician reads',
    account: nair,
    href: `/patients/${patient.address}`,
    page: 'My patients',
    actions: [SWITCH(nair), 'On Lucien Bosco’s chart, press Unlock records.'],
    lookFor:
      'Dr. Nair sees the labs and vitals, decrypted in her browser, and nothing else: the other categories are listed as outside her grant.',
  },
  {
    title: 'Revoke access',
    account: patient,
    href: '/access',
    page: 'My records access',
    actions: [SWITCH(patient), 'Under “Who can read my records”, press Revoke next to Dr. Priya Nair.'],
    lookFor:
      'She leaves the list once the transaction is confirmed, and the history records the revocation. What she already read cannot be un-read; everything from now on is closed to her.',
  },
  {
    title: 'The clinician loses access',
    account: nair,
    href: `/patients/${patient.address}`,
    page: 'My patients',
    actions: [SWITCH(nair), 'On the chart, press Reload chart (or reload the page).'],
    lookFor:
      '“No access to this chart”: the storage server checks the chain on every request and refuses her. Records added from now on use new keys she never received.',
  },
  {
    title: 'Join a research study',
    account: patient,
    href: '/studies',
    page: 'Research studies',
    actions: [
      SWITCH(patient),
      'Press Unlock records.',
      'In “Vaccination and seasonal illness”, open “Read the consent document and join”, press I consent: join study, then Contribute de-identified data.',
    ],
    lookFor:
      'The page lists what is removed before anything leaves your browser (name, address, identifiers, exact dates). Only a de-identified extract, encrypted for the researcher, is uploaded.',
  },
  {
    title: 'Claim your reward',
    account: patient,
    href: '/studies',
    page: 'Research studies',
    actions: [
      'In “Heart failure and everyday activity” (closed; your contribution was accepted), press Claim 25 oUSD.',
    ],
    lookFor:
      'The reward is paid from the study’s escrow straight to your account; the study being closed does not take it away. Your earnings total goes up.',
  },
  {
    title: 'See who read what',
    account: patient,
    href: '/disclosures',
    page: 'Who read my records',
    actions: [
      'Press Unlock records.',
      'Read “Who read, in short”; below it, filter the full log by reader or category.',
    ],
    lookFor:
      'Every read by someone else: Dr. Nair’s from a few minutes ago, Dr. Okafor’s and Ana Bosco’s from earlier today, with what, when and on what basis. Each entry is chained to the one before, and the log is sealed on the blockchain as it grows, so it cannot be quietly edited.',
  },
];

/** The step numbered `n` (1-based), or null outside the walkthrough. */
export function walkthroughStep(n: number | null): WalkthroughStep | null {
  return n !== null && Number.isInteger(n) && n >= 1 && n <= WALKTHROUGH.length ? WALKTHROUGH[n - 1]! : null;
}
