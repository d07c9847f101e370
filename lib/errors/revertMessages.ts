/**
 * What each custom error of our contracts means to the person who triggered it. One table, so
 * wording stays consistent and no raw selector or hex ever reaches the screen.
 */
export const REVERT_MESSAGES: Record<string, string> = {
  AccessRegistryZeroAddress: 'Enter the address of the person you want to give access to.',
  AccessRegistrySelfGrant: 'You cannot grant access to yourself: you can always read your own records.',
  AccessRegistryEmptyScope: 'Choose at least one category of records to share.',
  AccessRegistryInvalidPermission: 'Choose whether they may read, or read and add records.',
  AccessRegistryExpiryInPast: 'The expiry date has already passed. Choose a date in the future.',
  AccessRegistryNoGrant: 'This person has no access to revoke. The list may be out of date; it has been refreshed.',
  AccessRegistryNotPatient: 'Only the patient can change who can read these records.',
};
