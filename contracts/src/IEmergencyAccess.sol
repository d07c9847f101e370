// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IEmergencyAccess
/// @notice "Break glass": a registered emergency responder opens a patient's emergency categories
/// for a limited window, only if the patient opted in, always with an on-chain record (who, which
/// institution, why, until when). The patient can end it at once. Reasons are codes, never text.
interface IEmergencyAccess {
    /// @notice A patient's standing consent to emergency access.
    struct Policy {
        uint32 categories;
        uint32 window;
    }

    /// @notice One responder's emergency access to one patient.
    struct Window {
        uint32 categories;
        uint40 openedAt;
        uint40 expiresAt;
        uint8 reason;
    }

    event InstitutionSet(address indexed institution, bool active);
    event ResponderSet(address indexed institution, address indexed responder, bool active);
    event EmergencyPolicySet(address indexed patient, uint32 categories, uint32 window);
    event EmergencyPolicyCleared(address indexed patient);
    event EmergencyAccessOpened(
        address indexed patient,
        address indexed responder,
        address indexed institution,
        uint8 reason,
        uint32 categories,
        uint40 expiresAt
    );
    event EmergencyAccessEnded(address indexed patient, address indexed responder, address endedBy);

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
    /// @notice Reason codes are 1 to MAX_REASON.
    error EmergencyInvalidReason(uint8 reason);
    /// @notice This responder already has an open window for this patient.
    error EmergencyAlreadyOpen(address patient, address responder);
    /// @notice There is no open window to end.
    error EmergencyNotOpen(address patient, address responder);
    /// @notice Only the patient or the responder can end a window.
    error EmergencyNotParty(address caller);

    function setInstitution(address institution, bool active) external;
    function setResponder(address responder, bool active) external;
    function setPolicy(uint32 categories, uint32 window) external;
    function clearPolicy() external;
    function breakGlass(address patient, uint8 reason) external;
    function endAccess(address patient, address responder) external;

    function canRead(address patient, address reader, uint8 category) external view returns (bool);
    function policyOf(address patient) external view returns (Policy memory);
    function windowOf(address patient, address responder) external view returns (Window memory);
    function institutionOf(address responder) external view returns (address);
}
