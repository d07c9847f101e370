// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IAccessRegistry
/// @notice Who may read (or add to) which categories of a patient's records, and until when.
/// @dev Nothing here carries health data or names: a grant links two addresses with a category
/// bit set, a permission and an expiry. Category numbers are defined off-chain (lib/categories).
interface IAccessRegistry {
    /// @notice What a grantee may do within the granted categories.
    /// @dev `None`: no grant (only ever seen in views; `grant` refuses it). `Read`: read the
    /// records in scope. `ReadWrite`: read them and add records in those categories.
    enum Permission {
        None,
        Read,
        ReadWrite
    }

    /// @notice One grant, as returned by the views.
    /// @param counterparty The grantee (in `getGrant` and `granteesOf`) or the patient (in
    /// `patientsOf`); zero when there is no grant.
    /// @param categories Bit set of record categories in scope (bit i = category i).
    /// @param permission Read, or read and write; None when there is no grant.
    /// @param grantedAt Block time the grant was created. Updates keep it; a grant made again
    /// after a revoke or renounce starts anew.
    /// @param expiresAt Block time from which the grant no longer reads; 0 means no expiry. For a
    /// grant a caregiver made, never later than the end of that caregiver's appointment (the
    /// time of removal once removed; `grantedAt` if the caregiver was appointed again since).
    /// @param accepted Whether the grantee has accepted it (until then their app lists the
    /// patient apart, so nobody can push themselves into a clinician's patient list). Reading
    /// does not depend on it.
    struct GrantView {
        address counterparty;
        uint32 categories;
        Permission permission;
        uint40 grantedAt;
        uint40 expiresAt;
        bool accepted;
    }

    /// @notice A patient granted `grantee` access for the first time (or again after a revoke
    /// or renounce). Emitted by `grant`.
    /// @param patient The patient whose records are in scope.
    /// @param grantee The account that may now read (or read and add to) them.
    /// @param categories Bit set of the categories in scope.
    /// @param permission Read or ReadWrite.
    /// @param expiresAt Block time from which the grant stops; 0 for none. For a grant a
    /// caregiver made, already capped at the end of their appointment.
    event AccessGranted(
        address indexed patient,
        address indexed grantee,
        uint32 categories,
        Permission permission,
        uint40 expiresAt
    );

    /// @notice The scope, permission or expiry of an existing grant was replaced. Emitted by
    /// `grant` when `grantee` already held a grant (live or expired) from `patient`.
    /// @param patient The patient whose records are in scope.
    /// @param grantee The holder of the grant.
    /// @param categories The new bit set of categories in scope.
    /// @param permission The new permission, Read or ReadWrite.
    /// @param expiresAt The new expiry as stored; 0 for none. For a grant a caregiver made (other
    /// than one that only narrows a live grant of the patient's), capped at their appointment.
    event AccessUpdated(
        address indexed patient,
        address indexed grantee,
        uint32 categories,
        Permission permission,
        uint40 expiresAt
    );

    /// @notice Every access `grantee` had to `patient`'s records was revoked, by the patient or
    /// one of their caregivers. Emitted by `revoke`.
    /// @param patient The patient whose grant ended.
    /// @param grantee The account that lost access.
    event AccessRevoked(address indexed patient, address indexed grantee);

    /// @notice `grantee` declined the grant `patient` made them: it is gone as if revoked.
    /// Emitted by `renounce`.
    /// @param patient The patient who had made the grant.
    /// @param grantee The account that declined it (the caller).
    event AccessRenounced(address indexed patient, address indexed grantee);

    /// @notice `grantee` accepted the grant `patient` made them. Emitted by `accept`, also when
    /// the grant was accepted before.
    /// @param patient The patient who made the grant.
    /// @param grantee The account that accepted it (the caller).
    event AccessAccepted(address indexed patient, address indexed grantee);

    /// @notice `patient` appointed `caregiver` to manage their access until `expiresAt`, or
    /// moved the end of a live appointment. Emitted by `appointCaregiver`.
    /// @param patient The patient who appointed (the caller).
    /// @param caregiver The account that may now grant and revoke for the patient.
    /// @param expiresAt Block time at which the appointment ends.
    event CaregiverAppointed(address indexed patient, address indexed caregiver, uint40 expiresAt);

    /// @notice `patient` removed `caregiver`; grants that caregiver made end with it. Emitted by
    /// `removeCaregiver`.
    /// @param patient The patient who removed the caregiver (the caller).
    /// @param caregiver The caregiver whose appointment ended now.
    event CaregiverRemoved(address indexed patient, address indexed caregiver);

    /// @notice The grant or revoke for `grantee` in this transaction was made by `caregiver`
    /// on behalf of `patient`. Emitted by `grant` and `revoke` when the caller is a caregiver,
    /// before `AccessGranted`, `AccessUpdated` or `AccessRevoked`.
    /// @param patient The patient the caregiver acted for.
    /// @param caregiver The caregiver who made the call.
    /// @param grantee The grantee of the grant made, changed or revoked.
    event ActedByCaregiver(
        address indexed patient, address indexed caregiver, address indexed grantee
    );

    /// @notice The grantee of a grant is the zero address. Thrown by `grant`.
    /// @param patient The patient the grant was for.
    error AccessRegistryZeroGrantee(address patient);

    /// @notice The caregiver to appoint is the zero address. Thrown by `appointCaregiver`.
    /// @param patient The patient appointing (the caller).
    error AccessRegistryZeroCaregiver(address patient);

    /// @notice A patient tried to grant access to themselves (they always read their own
    /// records). Thrown by `grant`, also when a caregiver names the patient as grantee.
    /// @param patient The patient, named as grantee.
    error AccessRegistrySelfGrant(address patient);

    /// @notice A patient tried to appoint themselves as their own caregiver. Thrown by
    /// `appointCaregiver`.
    /// @param patient The patient (the caller), named as caregiver.
    error AccessRegistrySelfAppointment(address patient);

    /// @notice A caregiver tried to grant access to themselves: their reach is their appointment.
    /// Thrown by `grant`.
    /// @param caregiver The caregiver (the caller), named as grantee.
    error AccessRegistryCaregiverSelfGrant(address caregiver);

    /// @notice The grant names no category (`categories` is 0). Thrown by `grant`.
    error AccessRegistryEmptyScope();

    /// @notice The permission is neither Read nor ReadWrite. Thrown by `grant`.
    /// @dev Values outside the enum already fail ABI decoding, so in practice this is None.
    /// @param permission The permission given.
    error AccessRegistryInvalidPermission(Permission permission);

    /// @notice The expiry of a grant is not after the current block time (0, for no expiry, is
    /// accepted). Thrown by `grant`.
    /// @param expiresAt The expiry given.
    /// @param blockTime The current block time.
    error AccessRegistryExpiryInPast(uint40 expiresAt, uint256 blockTime);

    /// @notice The end of a caregiver's appointment is not after the current block time. An
    /// appointment always ends: 0 is refused too. Thrown by `appointCaregiver`.
    /// @param expiresAt The end given.
    /// @param blockTime The current block time.
    error AccessRegistryAppointmentExpiryInPast(uint40 expiresAt, uint256 blockTime);

    /// @notice There is no grant (live or expired) from `patient` to `grantee`. Thrown by
    /// `revoke`, `renounce` and `accept`.
    /// @param patient The patient named.
    /// @param grantee The grantee named (the caller, for `renounce` and `accept`).
    error AccessRegistryNoGrant(address patient, address grantee);

    /// @notice `caller` is neither `patient` nor a live caregiver of theirs, so may not manage
    /// their grants. Thrown by `grant` and `revoke`.
    /// @param caller The account that called.
    /// @param patient The patient named.
    error AccessRegistryNotPatient(address caller, address patient);

    /// @notice `caregiver` is not a live caregiver of `patient` (never appointed, expired or
    /// already removed), so there is nothing to remove. Thrown by `removeCaregiver`.
    /// @param patient The patient (the caller).
    /// @param caregiver The account named.
    error AccessRegistryNotCaregiver(address patient, address caregiver);

    /// @notice Grants `grantee` access to `categories` of `patient`'s records, or replaces the
    /// scope, permission and expiry of the grant they already have (keeping its `grantedAt` and
    /// acceptance).
    /// @dev Callable by the patient or a live caregiver of theirs. What a caregiver grants ends
    /// when their appointment does, at the latest, and ends at once if they are removed; but a
    /// caregiver's edit that only narrows a live grant the patient made (no new category, no
    /// higher permission, no later expiry) stays the patient's grant. A grant the patient sets
    /// is always the patient's. Reverts with `AccessRegistryNotPatient`,
    /// `AccessRegistryZeroGrantee`, `AccessRegistrySelfGrant`,
    /// `AccessRegistryCaregiverSelfGrant`, `AccessRegistryEmptyScope`,
    /// `AccessRegistryInvalidPermission` or `AccessRegistryExpiryInPast`. Emits
    /// `ActedByCaregiver` when a caregiver calls, then `AccessGranted` for a new grant or
    /// `AccessUpdated` for an existing one.
    /// @param patient The patient whose records are shared.
    /// @param grantee The reader (a clinician, say); not the patient, not the calling caregiver,
    /// not zero.
    /// @param categories Non-empty bit set of categories.
    /// @param permission Read or ReadWrite.
    /// @param expiresAt Block time from which the grant stops; 0 for no expiry.
    function grant(
        address patient,
        address grantee,
        uint32 categories,
        Permission permission,
        uint40 expiresAt
    ) external;

    /// @notice Ends every access `grantee` has to `patient`'s records and removes the grant from
    /// both lists, whether it is live or expired.
    /// @dev Callable by the patient or a live caregiver of theirs; a caregiver may revoke any of
    /// the patient's grants, also one the patient made. Reverts with `AccessRegistryNotPatient`
    /// or `AccessRegistryNoGrant`. Emits `ActedByCaregiver` when a caregiver calls, then
    /// `AccessRevoked`.
    /// @param patient The patient whose grant ends.
    /// @param grantee The account losing access.
    function revoke(address patient, address grantee) external;

    /// @notice The caller, a grantee, declines the grant `patient` made them; it is removed as
    /// if revoked.
    /// @dev Reverts with `AccessRegistryNoGrant` if the caller holds no grant from `patient`.
    /// Emits `AccessRenounced`.
    /// @param patient The patient who made the grant.
    function renounce(address patient) external;

    /// @notice The caller, a grantee, accepts the grant `patient` made them. Accepting again is
    /// harmless; a later update of the grant keeps it accepted.
    /// @dev Reverts with `AccessRegistryNoGrant` if the caller holds no grant from `patient`.
    /// Emits `AccessAccepted`.
    /// @param patient The patient who made the grant.
    function accept(address patient) external;

    /// @notice The caller appoints `caregiver`, who may grant and revoke for them until
    /// `expiresAt` (which must be in the future). A caregiver cannot appoint caregivers: this
    /// always appoints for the caller. A caregiver cannot grant to themselves, and what they
    /// grant ends no later than their appointment does.
    /// @dev Calling again while the appointment is live moves its end (later or sooner) and
    /// keeps the grants that caregiver made tied to it; appointing again after a removal or
    /// expiry starts a new term, and grants made in an earlier term stay ended. Reverts with
    /// `AccessRegistryZeroCaregiver`, `AccessRegistrySelfAppointment` or
    /// `AccessRegistryAppointmentExpiryInPast`. Emits `CaregiverAppointed`.
    /// @param caregiver The account to appoint; not zero, not the caller.
    /// @param expiresAt Block time at which the appointment ends; after the current one.
    function appointCaregiver(address caregiver, uint40 expiresAt) external;

    /// @notice The caller removes `caregiver` at once; the grants that caregiver made stop
    /// reading now (they stay listed until revoked or renounced).
    /// @dev Reverts with `AccessRegistryNotCaregiver` unless `caregiver` is a live caregiver of
    /// the caller. Emits `CaregiverRemoved`.
    /// @param caregiver The caregiver to remove.
    function removeCaregiver(address caregiver) external;

    /// @notice Whether `account` is a live caregiver of `patient`.
    /// @param patient The patient.
    /// @param account The account to check.
    /// @return True while the current block time is before the end of the appointment.
    function isCaregiver(address patient, address account) external view returns (bool);

    /// @notice When `account`'s appointment by `patient` ends or ended (0 if never appointed;
    /// the time of removal once removed).
    /// @param patient The patient.
    /// @param account The (possibly former) caregiver.
    /// @return Block time at which the appointment ends or ended; 0 if never appointed.
    function caregiverExpiry(address patient, address account) external view returns (uint40);

    /// @notice Whether `reader` may read `category` of `patient`'s records now.
    /// @dev A patient always reads their own records (any category; not the zero address); others
    /// need a grant covering `category` (below 32) that has not expired by block time. Acceptance
    /// is not required. Emergency access is separate (IEmergencyAccess).
    /// @param patient The patient whose records would be read.
    /// @param reader The account that would read.
    /// @param category The record category, 0 to 31.
    /// @return Whether the read is allowed now.
    function canRead(address patient, address reader, uint8 category) external view returns (bool);

    /// @notice The categories `reader` may read of `patient`'s records now, as a bit set: bit i
    /// is set exactly when `canRead(patient, reader, i)` is true, for i below 32. Lets a reader
    /// learn its whole scope in one call instead of 32.
    /// @param patient The patient whose records would be read.
    /// @param reader The account that would read.
    /// @return Bit set of the categories `reader` may read now; every bit for the patient
    /// themselves; 0 for none (and for a zero `patient`).
    function readScope(address patient, address reader) external view returns (uint32);

    /// @notice Whether `writer` may add records in `category` to `patient`'s records now.
    /// @dev True for the patient themselves (not the zero address), or for a live ReadWrite grant
    /// covering `category` (below 32).
    /// @param patient The patient whose records would be added to.
    /// @param writer The account that would add them.
    /// @param category The record category, 0 to 31.
    /// @return Whether adding is allowed now.
    function canWrite(address patient, address writer, uint8 category) external view returns (bool);

    /// @notice The categories `writer` may add records to for `patient` now, as a bit set: every
    /// bit for the patient themselves, a live read-and-add grant's categories, otherwise 0.
    /// @param patient The patient whose records would be added to.
    /// @param writer The account that would add them.
    /// @return Bit set of the categories `writer` may add to now; 0 for none (and for a zero
    /// `patient`).
    function writeScope(address patient, address writer) external view returns (uint32);

    /// @notice The grant from `patient` to `grantee`; `permission` is None when there is none.
    /// @param patient The patient who made the grant.
    /// @param grantee The grantee.
    /// @return The grant, with `counterparty` the grantee and `expiresAt` the effective expiry;
    /// all fields zero when there is no grant.
    function getGrant(address patient, address grantee) external view returns (GrantView memory);

    /// @notice How many accounts `patient` has granted access (active or expired, not revoked).
    /// @param patient The patient.
    /// @return The number of grants `patient` has made that are still listed.
    function granteeCount(address patient) external view returns (uint256);

    /// @notice How many patients have granted `grantee` access (active or expired, not revoked).
    /// @param grantee The grantee.
    /// @return The number of grants made to `grantee` that are still listed.
    function patientCount(address grantee) external view returns (uint256);

    /// @notice A page of `patient`'s grants; `counterparty` is the grantee.
    /// @dev The order is not stable: removing a grant moves the last one into its place.
    /// @param patient The patient.
    /// @param offset Index of the first grant to return.
    /// @param limit Most grants to return.
    /// @return page Up to `limit` grants from `offset`; empty when `offset` is past the end.
    function granteesOf(address patient, uint256 offset, uint256 limit)
        external
        view
        returns (GrantView[] memory page);

    /// @notice A page of the grants made to `grantee`; `counterparty` is the patient.
    /// @dev The order is not stable: removing a grant moves the last one into its place.
    /// @param grantee The grantee.
    /// @param offset Index of the first grant to return.
    /// @param limit Most grants to return.
    /// @return page Up to `limit` grants from `offset`; empty when `offset` is past the end.
    function patientsOf(address grantee, uint256 offset, uint256 limit)
        external
        view
        returns (GrantView[] memory page);
}
