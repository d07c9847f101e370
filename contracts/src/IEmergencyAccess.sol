// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IEmergencyAccess
/// @notice "Break glass": a registered emergency responder opens a patient's emergency categories
/// for a limited window, only if the patient opted in, always with an on-chain record (who,
/// which institution, until when). The reason is given off-chain to the patient only; the chain
/// holds a salted commitment to it. The patient can end a window at once, and ending it sticks:
/// that responder cannot reopen it until the patient allows them again.
/// @dev Governance (the owner) registers institutions; an institution registers its own
/// responders. A responder counts only while their institution is registered.
interface IEmergencyAccess {
    /// @notice A patient's standing consent to emergency access.
    /// @param categories Bit set of the categories a responder may open; 0 means not opted in.
    /// @param window Length in seconds of each window a responder opens, from MIN_WINDOW
    /// (1 hour) to MAX_WINDOW (72 hours); 0 when not opted in.
    /// @param epoch Counts the patient's policy changes: a window opened under an earlier epoch
    /// is over, so one change ends every open window at once, however many there are.
    struct Policy {
        uint32 categories;
        uint32 window;
        uint32 epoch;
    }

    /// @notice One responder's emergency access to one patient.
    /// @param categories The patient's policy categories when it was opened.
    /// @param openedAt Block time it was opened.
    /// @param expiresAt Block time from which it no longer reads; set to the time of ending when
    /// ended by `endAccess`.
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

    /// @notice The owner registered or deregistered `institution`. Emitted by `setInstitution`.
    /// @param institution The institution's account.
    /// @param active Whether it is registered now.
    event InstitutionSet(address indexed institution, bool active);

    /// @notice `institution` registered or deregistered `responder`. Emitted by `setResponder`.
    /// @param institution The institution (the caller).
    /// @param responder The responder's account.
    /// @param active Whether the responder is registered to `institution` now.
    event ResponderSet(address indexed institution, address indexed responder, bool active);

    /// @notice `patient` opted in, or changed their policy; every window they had open ended.
    /// Emitted by `setPolicy`.
    /// @param patient The patient (the caller).
    /// @param categories Bit set of the categories a responder may open.
    /// @param window Length in seconds of each window.
    event EmergencyPolicySet(address indexed patient, uint32 categories, uint32 window);

    /// @notice `patient` opted out; every window they had open ended. Emitted by `clearPolicy`.
    /// @param patient The patient (the caller).
    event EmergencyPolicyCleared(address indexed patient);

    /// @notice `responder`, of `institution`, broke glass on `patient`'s records. Emitted by
    /// `breakGlass`.
    /// @param patient The patient whose records opened.
    /// @param responder The responder (the caller).
    /// @param institution The responder's institution at the time.
    /// @param reasonCommitment Salted commitment to the reason code (see `Window`).
    /// @param categories Bit set of the categories opened (the patient's policy).
    /// @param expiresAt Block time at which the window ends unless ended sooner.
    event EmergencyAccessOpened(
        address indexed patient,
        address indexed responder,
        address indexed institution,
        bytes32 reasonCommitment,
        uint32 categories,
        uint40 expiresAt
    );

    /// @notice An open window was ended early. Emitted by `endAccess` (not when a window expires
    /// or a policy change ends it).
    /// @param patient The patient whose records closed.
    /// @param responder The responder whose window ended.
    /// @param endedBy Who ended it: the patient or the responder.
    event EmergencyAccessEnded(address indexed patient, address indexed responder, address endedBy);

    /// @notice The patient blocked (or allowed again) a responder from breaking glass for them.
    /// Emitted by `setResponderBlocked`, and by `endAccess` when the patient ends a window.
    /// @param patient The patient.
    /// @param responder The responder.
    /// @param blocked Whether the responder is blocked now.
    event ResponderBlocked(address indexed patient, address indexed responder, bool blocked);

    /// @notice Only the governance owner registers institutions. Thrown by `setInstitution`.
    /// @param caller The account that called.
    error EmergencyAccessNotOwner(address caller);

    /// @notice Only a registered institution registers responders. Thrown by `setResponder`.
    /// @param caller The account that called.
    error EmergencyAccessNotInstitution(address caller);

    /// @notice The responder is registered to another institution (also one since
    /// deregistered): an institution manages only its own responders. Thrown by `setResponder`.
    /// @param responder The responder named.
    /// @param institution The institution the responder is registered to.
    error EmergencyAccessIncorrectInstitution(address responder, address institution);

    /// @notice The caller is not an active emergency responder (not registered, or their
    /// institution is no longer registered). Thrown by `breakGlass`.
    /// @param caller The account that called.
    error EmergencyAccessNotResponder(address caller);

    /// @notice This patient has not opted in to emergency access. Thrown by `breakGlass`.
    /// @param patient The patient named.
    error EmergencyAccessNotOptedIn(address patient);

    /// @notice A policy names no category (`categories` is 0). Thrown by `setPolicy`.
    /// @param patient The patient setting the policy (the caller).
    error EmergencyAccessEmptyScope(address patient);

    /// @notice A policy's window is shorter than MIN_WINDOW. Thrown by `setPolicy`.
    /// @param window The window given, in seconds.
    /// @param minWindow The shortest window allowed, in seconds.
    error EmergencyAccessWindowTooShort(uint32 window, uint32 minWindow);

    /// @notice A policy's window is longer than MAX_WINDOW. Thrown by `setPolicy`.
    /// @param window The window given, in seconds.
    /// @param maxWindow The longest window allowed, in seconds.
    error EmergencyAccessWindowTooLong(uint32 window, uint32 maxWindow);

    /// @notice A window needs a commitment to its reason (it is zero). Thrown by `breakGlass`.
    error EmergencyAccessMissingReason();

    /// @notice This responder already has an open window for this patient. Thrown by
    /// `breakGlass`.
    /// @param patient The patient named.
    /// @param responder The responder (the caller).
    error EmergencyAccessAlreadyOpen(address patient, address responder);

    /// @notice There is no open window to end (never opened, expired, already ended, or ended by
    /// a policy change). Thrown by `endAccess`.
    /// @param patient The patient named.
    /// @param responder The responder named.
    error EmergencyAccessNotOpen(address patient, address responder);

    /// @notice Only the patient or the responder can end a window. Thrown by `endAccess`.
    /// @param caller The account that called.
    error EmergencyAccessNotParty(address caller);

    /// @notice The patient ended this responder's access (or blocked them) and has not allowed
    /// them again. Thrown by `breakGlass`.
    /// @param patient The patient named.
    /// @param responder The responder (the caller).
    error EmergencyAccessResponderBlocked(address patient, address responder);

    /// @notice The responder ended their own window; they may open another from `until`. Thrown
    /// by `breakGlass`.
    /// @param patient The patient named.
    /// @param responder The responder (the caller).
    /// @param until Block time from which the responder may break glass again.
    error EmergencyAccessCoolingDown(address patient, address responder, uint40 until);

    /// @notice Registers or deregisters an institution. Deregistering one makes its responders
    /// stop counting as responders (their open windows stop reading) without forgetting them;
    /// registering it again restores them.
    /// @dev Only the owner. Reverts with `EmergencyAccessNotOwner`. Emits `InstitutionSet`.
    /// @param institution The institution's account.
    /// @param active True to register, false to deregister.
    function setInstitution(address institution, bool active) external;

    /// @notice The caller, a registered institution, registers or deregisters `responder` as one
    /// of its emergency responders. A deregistered responder's open windows stop reading.
    /// @dev Reverts with `EmergencyAccessNotInstitution` if the caller is not a registered
    /// institution, or `EmergencyAccessIncorrectInstitution` if `responder` is registered to
    /// another one. Emits `ResponderSet`.
    /// @param responder The responder's account.
    /// @param active True to register, false to deregister.
    function setResponder(address responder, bool active) external;

    /// @notice Opts in, or changes the policy; every open window ends at once (a responder may
    /// break glass again under the new policy). O(1): windows carry the epoch they opened under.
    /// @dev Callable by anyone, for themselves. Blocks and cool-downs stay as they are. Reverts
    /// with `EmergencyAccessEmptyScope`, `EmergencyAccessWindowTooShort` or
    /// `EmergencyAccessWindowTooLong`. Emits `EmergencyPolicySet`.
    /// @param categories Non-empty bit set of the categories a responder may open.
    /// @param window Length in seconds of each window, MIN_WINDOW to MAX_WINDOW.
    function setPolicy(uint32 categories, uint32 window) external;

    /// @notice Opts out; every open window ends at once.
    /// @dev Callable by anyone, for themselves; never reverts. Emits `EmergencyPolicyCleared`.
    function clearPolicy() external;

    /// @notice The caller, an active responder, opens `patient`'s policy categories for the
    /// patient's policy window.
    /// @dev Reverts with `EmergencyAccessNotResponder`, `EmergencyAccessNotOptedIn`,
    /// `EmergencyAccessMissingReason`, `EmergencyAccessResponderBlocked`,
    /// `EmergencyAccessCoolingDown` or `EmergencyAccessAlreadyOpen`. Emits
    /// `EmergencyAccessOpened`.
    /// @param patient The patient whose records to open.
    /// @param reasonCommitment Non-zero salted commitment to the reason code (see `Window`).
    function breakGlass(address patient, bytes32 reasonCommitment) external;

    /// @notice Ends a window now. Ended by the patient, the responder is blocked for that patient
    /// until the patient allows them again; ended by the responder, they wait one MIN_WINDOW
    /// before reopening (so a loop of open and end cannot inflate key versions faster than
    /// windows expiring would).
    /// @dev Callable by `patient` or `responder`. Reverts with `EmergencyAccessNotParty` or
    /// `EmergencyAccessNotOpen`. Emits `EmergencyAccessEnded`, and `ResponderBlocked` when the
    /// patient ends it.
    /// @param patient The patient whose window to end.
    /// @param responder The responder whose window to end.
    function endAccess(address patient, address responder) external;

    /// @notice The caller (a patient) blocks or allows again `responder`. Blocking stops new
    /// windows only: end an open one with `endAccess` (which also blocks).
    /// @dev Never reverts; allowing again does not lift a cool-down. Emits `ResponderBlocked`.
    /// @param responder The responder.
    /// @param blocked True to block, false to allow again.
    function setResponderBlocked(address responder, bool blocked) external;

    /// @notice Whether `reader` may read `category` of `patient`'s records now under emergency
    /// access.
    /// @dev True only for an open window under the patient's current policy epoch, held by a
    /// responder who still counts as one, covering `category` (below 32). Grants are separate
    /// (IAccessRegistry).
    /// @param patient The patient whose records would be read.
    /// @param reader The responder who would read.
    /// @param category The record category, 0 to 31.
    /// @return Whether the read is allowed now.
    function canRead(address patient, address reader, uint8 category) external view returns (bool);

    /// @notice The categories `reader` may read of `patient`'s records now under emergency
    /// access, as a bit set: bit i is set exactly when `canRead(patient, reader, i)` is true.
    /// @param patient The patient whose records would be read.
    /// @param reader The responder who would read.
    /// @return The open window's categories, or 0 when no window is open for a live responder.
    function readScope(address patient, address reader) external view returns (uint32);

    /// @notice The policy of `patient`.
    /// @param patient The patient.
    /// @return The policy; `categories` is 0 when the patient has not opted in.
    function policyOf(address patient) external view returns (Policy memory);

    /// @notice The window, with `expiresAt` brought forward to the policy change that ended its
    /// epoch, if that came first.
    /// @param patient The patient.
    /// @param responder The responder.
    /// @return The latest window `responder` opened for `patient`; all zero if none.
    function windowOf(address patient, address responder) external view returns (Window memory);

    /// @notice The institution `responder` is an active responder of.
    /// @param responder The account to look up.
    /// @return The institution; zero if `responder` is not registered or their institution is
    /// no longer registered.
    function institutionOf(address responder) external view returns (address);

    /// @notice Whether `patient` blocks `responder` from breaking glass for them.
    /// @param patient The patient.
    /// @param responder The responder.
    /// @return Whether `responder` is blocked.
    function isBlocked(address patient, address responder) external view returns (bool);
}
