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
  AccessRegistryNotPatient:
    'Only the patient, or a caregiver they appointed and have not removed, can change who can read these records.',
  AccessRegistryNotCaregiver: 'This person is not your caregiver, so there is nothing to remove.',
  AccessRegistryCaregiverSelfGrant:
    'As a caregiver you cannot grant access to yourself: you already see these records while your appointment lasts.',
  KeyDirectoryZeroKey: 'That encryption key is empty. Unlock again to derive it.',
  KeyDirectoryInvalidKey:
    'That encryption key is unsafe (anything sealed to it could be read by anyone), so it was refused. Unlock again to derive a proper one.',
  RecordRootsNotWriter: 'You may not add records for this patient: you do not hold read-and-add access now.',
  RecordRootsZeroRoot: 'A batch of records without content cannot be stored.',
  StudyNotFound: 'There is no such study.',
  StudyNotResearcher: 'Only the researcher who published this study can do that.',
  StudyNotOpen: 'This study is closed or past its end date.',
  StudyIsClosed: 'This study is closed.',
  StudyNotClosed: 'Close the study first: until then its budget stays available for contributions.',
  StudyInvalid:
    'A study needs a reward, an enrolment cap, an end date in the future, at least one category, a description and a consent document.',
  StudyConsentMismatch: 'The consent document changed since you read it. Read it again before joining.',
  StudyAlreadyEnrolled: 'You have already joined (or left) this study.',
  StudyFull: 'This study has reached its enrolment limit.',
  StudyNotEnrolled: 'You are not enrolled in this study, or you have withdrawn your consent.',
  StudyAlreadyContributed: 'You have already contributed to this study.',
  StudyNothingToReview: 'There is no contribution waiting for review from this participant.',
  StudyInsufficientEscrow:
    'The study’s funds cannot cover another reward, so it cannot take another contribution until the researcher adds funds. Nothing was shared.',
  StudyNothingToClaim: 'There is no reward to claim in this study, or it was already paid.',
  StudyZeroValue: 'Enter an amount greater than zero.',
  SafeERC20FailedOperation: 'The token transfer failed. Nothing was changed.',
  ReentrancyGuardReentrantCall: 'The contract refused a re-entrant call. Nothing was changed.',
  ERC20InsufficientAllowance: 'The study contract is not yet approved to take that amount. Approve it first.',
  ERC20InsufficientBalance: 'Your token balance is too low for that amount.',
  ERC20InvalidApprover: 'The token refused this approval.',
  ERC20InvalidReceiver: 'The token refused this transfer: the receiver is invalid.',
  ERC20InvalidSender: 'The token refused this transfer: the sender is invalid.',
  ERC20InvalidSpender: 'The token refused this approval: the spender is invalid.',
  DisclosureAnchorsNotOperator: 'Only the storage server’s operator account anchors the disclosure log.',
  DisclosureAnchorsNotForward: 'The disclosure log is already anchored up to this point.',
  DisclosureAnchorsZeroHead: 'The disclosure log head is empty.',
  EmergencyNotOwner: 'Only the network’s governance can register institutions.',
  EmergencyNotInstitution: 'Only a registered institution can register its emergency responders.',
  EmergencyNotResponder: 'This account is not registered as an emergency responder.',
  EmergencyNotOptedIn:
    'This patient has not turned on emergency access, so their records cannot be opened this way. Nothing was recorded.',
  EmergencyInvalidPolicy: 'Choose at least one category and a window from 1 to 72 hours.',
  EmergencyMissingReason: 'Choose the reason for emergency access.',
  EmergencyResponderBlocked:
    'The patient ended your emergency access and has not allowed you to open it again. Nothing was recorded.',
  EmergencyCoolingDown:
    'You ended this emergency access yourself; you can open it again one hour after ending it. Nothing was recorded.',
  EmergencyAlreadyOpen: 'You already have emergency access to this patient’s records.',
  EmergencyNotOpen: 'There is no emergency access to end.',
  EmergencyNotParty: 'Only the patient or the responder can end emergency access.',
  Multicall3CallFailed: 'A batched read failed. Try again.',
};
