// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IEmergencyAccess
/// @notice "Break glass": a registered emergency responder opens a patient's emergency categories
/// for a limited window, only if the patient opted in, always with an on-chain record (who,
/// which institution, until when). The reason is given off-chain to the patient only; the chain
/// holds a salted commitment to it. The patient can end a window at once, and ending it sticks:
/// that responder cannot reopen it until the patient allows them again.
interface IEmergencyAccess {
    /// @notice A patient's standing consent to emergency access.
    /// @param epoch Counts the patient's policy changes: a window opened under an earlier epoch
    /// is over, so one change ends every open window at once, however many there are.
    struct Policy {
        uint32 categories;
        uint32 window;
        uint32 epoch;
    }

    /// @notice One responder's emergency access to one patient.
    /// @param epoch The policy epoch it was opened under.
    /// @param reasonCommitment keccak256(abi.encode(patient, responder, uint8 reason code, bytes32
    /// salt)), revealed to the OwnChart server for the patient only.
    struct Window {
        uint32 categories;
        uint40 openedAt;
        uint40 expiresAt;
        uint32 epoch;
        bytes32 reasonCommitment;
    }

    event InstitutionSet(address indexed institution, bool active);
    event ResponderSet(address indexed institution, address indexed responder, bool active);
    event EmergencyPolicySet(address indexed patient, uint32 categories, uint32 window);
    event EmergencyPolicyCleared(address indexed patient);
    event EmergencyAccessOpened(
        address indexed patient,
        address indexed responder,
        address indexed institution,
        bytes32 reasonCommitment,
        uint32 categories,
        uint40 expiresAt
    );
    event EmergencyAccessEnded(address indexed patient, address indexed responder, address endedBy);
    /// @notice The patient blocked (or allowed again) a responder from breaking glass for them.
    event ResponderBlocked(address indexed patient, address indexed responder, bool blocked);

    /// @notice Only the governance owner registers institutions.
    error EmergencyNotOwner(address caller);
    /// @notice Only a registered institution registers responders.
    error EmergencyNotInstitution(address caller);
    /// @notice The caller is not an active emergency responder.
    error EmergencyNotResponder(address caller);
    /// @notice This patient has not opted in to emergency access.
    error EmergencyNotOptedIn(address patient);
    /// @notice A policy needs categories and a window of 1 hour to the maximum.
    error EmergencyInvalidPolicy(uint32 categories, uint32 window);
    /// @notice A window needs a commitment to its reason.
    error EmergencyMissingReason();
    /// @notice This responder already has an open window for this patient.
    error EmergencyAlreadyOpen(address patient, address responder);
    /// @notice There is no open window to end.
    error EmergencyNotOpen(address patient, address responder);
    /// @notice Only the patient or the responder can end a window.
    error EmergencyNotParty(address caller);
    /// @notice The patient ended this responder's access and has not allowed them again.
    error EmergencyResponderBlocked(address patient, address responder);
    /// @notice The responder ended their own window; they may open another from `until`.
    error EmergencyCoolingDown(address patient, address responder, uint40 until);

    function setInstitution(address institution, bool active) external;
    function setResponder(address responder, bool active) external;
    /// @notice Opts in, or changes the policy; every open window ends at once (a responder may
    /// break glass again under the new policy). O(1): windows carry the epoch they opened under.
    function setPolicy(uint32 categories, uint32 window) external;
    /// @notice Opts out; every open window ends at once.
    function clearPolicy() external;
    function breakGlass(address patient, bytes32 reasonCommitment) external;
    /// @notice Ends a window now. Ended by the patient, the responder is blocked for that patient
    /// until the patient allows them again; ended by the responder, they wait one MIN_WINDOW
    /// before reopening (so a loop of open and end cannot inflate key versions faster than
    /// windows expiring would).
    function endAccess(address patient, address responder) external;
    /// @notice The caller (a patient) blocks or allows again `responder`.
    function setResponderBlocked(address responder, bool blocked) external;

    function canRead(address patient, address reader, uint8 category) external view returns (bool);
    function policyOf(address patient) external view returns (Policy memory);
    /// @notice The window, with `expiresAt` brought forward to the policy change that ended its
    /// epoch, if that came first.
    function windowOf(address patient, address responder) external view returns (Window memory);
    function institutionOf(address responder) external view returns (address);
    function isBlocked(address patient, address responder) external view returns (bool);
}
