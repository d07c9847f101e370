// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IAccessRegistry
/// @notice Who may read (or add to) which categories of a patient's records, and until when.
/// @dev Nothing here carries health data or names: a grant links two addresses with a category
/// bit set, a permission and an expiry. Category numbers are defined off-chain (lib/categories).
interface IAccessRegistry {
    /// @notice What a grantee may do within the granted categories.
    enum Permission {
        None,
        Read,
        ReadWrite
    }

    /// @notice One grant, as returned by the views.
    /// @param counterparty The grantee (in `granteesOf`) or the patient (in `patientsOf`).
    /// @param categories Bit set of record categories in scope (bit i = category i).
    /// @param permission Read, or read and write.
    /// @param grantedAt Block time of the first grant between the two accounts.
    /// @param expiresAt Block time from which the grant no longer reads; 0 means no expiry. For a
    /// grant a caregiver made, never later than the end of that caregiver's appointment.
    /// @param accepted Whether the grantee has accepted it (until then their app lists the
    /// patient apart, so nobody can push themselves into a clinician's patient list).
    struct GrantView {
        address counterparty;
        uint32 categories;
        Permission permission;
        uint40 grantedAt;
        uint40 expiresAt;
        bool accepted;
    }

    /// @notice A patient granted `grantee` access for the first time (or again after a revoke).
    event AccessGranted(
        address indexed patient,
        address indexed grantee,
        uint32 categories,
        Permission permission,
        uint40 expiresAt
    );

    /// @notice A patient changed the scope, permission or expiry of an existing grant.
    event AccessUpdated(
        address indexed patient,
        address indexed grantee,
        uint32 categories,
        Permission permission,
        uint40 expiresAt
    );

    /// @notice A patient revoked every access `grantee` had to their records.
    event AccessRevoked(address indexed patient, address indexed grantee);

    /// @notice `grantee` declined the grant `patient` made them: it is gone as if revoked.
    event AccessRenounced(address indexed patient, address indexed grantee);

    /// @notice `grantee` accepted the grant `patient` made them.
    event AccessAccepted(address indexed patient, address indexed grantee);

    /// @notice `patient` appointed `caregiver` to manage their access until `expiresAt`.
    event CaregiverAppointed(address indexed patient, address indexed caregiver, uint40 expiresAt);

    /// @notice `patient` removed `caregiver`; grants that caregiver made end with it.
    event CaregiverRemoved(address indexed patient, address indexed caregiver);

    /// @notice The grant or revoke for `grantee` in this transaction was made by `caregiver`
    /// on behalf of `patient`.
    event ActedByCaregiver(
        address indexed patient, address indexed caregiver, address indexed grantee
    );

    /// @notice The grantee is the zero address.
    error AccessRegistryZeroAddress();

    /// @notice A patient tried to grant access to themselves.
    error AccessRegistrySelfGrant(address patient);

    /// @notice A caregiver tried to grant access to themselves: their reach is their appointment.
    error AccessRegistryCaregiverSelfGrant(address caregiver);

    /// @notice The grant names no category.
    error AccessRegistryEmptyScope();

    /// @notice The permission is neither Read nor ReadWrite.
    error AccessRegistryInvalidPermission(Permission permission);

    /// @notice The expiry is not after the current block time.
    error AccessRegistryExpiryInPast(uint40 expiresAt, uint256 blockTime);

    /// @notice There is no grant from `patient` to `grantee` to revoke.
    error AccessRegistryNoGrant(address patient, address grantee);

    /// @notice `caller` may not manage the grants of `patient`.
    error AccessRegistryNotPatient(address caller, address patient);

    /// @notice `caregiver` is not a caregiver of `patient` (nothing to remove).
    error AccessRegistryNotCaregiver(address patient, address caregiver);

    /// @notice Grants `grantee` access to `categories` of `patient`'s records, or replaces the
    /// scope, permission and expiry of the grant they already have.
    /// @param patient The patient; must be the caller.
    /// @param grantee The reader (a clinician, say); not the patient, not zero.
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

    /// @notice Ends every access `grantee` has to `patient`'s records.
    function revoke(address patient, address grantee) external;

    /// @notice The caller, a grantee, declines the grant `patient` made them.
    function renounce(address patient) external;

    /// @notice The caller, a grantee, accepts the grant `patient` made them.
    function accept(address patient) external;

    /// @notice The caller appoints `caregiver`, who may grant and revoke for them until
    /// `expiresAt` (which must be in the future). A caregiver cannot appoint caregivers: this
    /// always appoints for the caller. A caregiver cannot grant to themselves, and what they
    /// grant ends no later than their appointment does.
    function appointCaregiver(address caregiver, uint40 expiresAt) external;

    /// @notice The caller removes `caregiver` at once.
    function removeCaregiver(address caregiver) external;

    /// @notice Whether `account` is a live caregiver of `patient`.
    function isCaregiver(address patient, address account) external view returns (bool);

    /// @notice When `account`'s appointment by `patient` ends or ended (0 if never appointed;
    /// the time of removal once removed).
    function caregiverExpiry(address patient, address account) external view returns (uint40);

    /// @notice Whether `reader` may read `category` of `patient`'s records now.
    /// @dev A patient always reads their own records; expiry is enforced by block time.
    function canRead(address patient, address reader, uint8 category) external view returns (bool);

    /// @notice Whether `writer` may add records in `category` to `patient`'s records now.
    function canWrite(address patient, address writer, uint8 category) external view returns (bool);

    /// @notice The categories `writer` may add records to for `patient` now, as a bit set: every
    /// bit for the patient themselves, a live read-and-add grant's categories, otherwise 0.
    function writeScope(address patient, address writer) external view returns (uint32);

    /// @notice The grant from `patient` to `grantee`; `permission` is None when there is none.
    function getGrant(address patient, address grantee) external view returns (GrantView memory);

    /// @notice How many accounts `patient` has granted access (active or expired, not revoked).
    function granteeCount(address patient) external view returns (uint256);

    /// @notice How many patients have granted `grantee` access (active or expired, not revoked).
    function patientCount(address grantee) external view returns (uint256);

    /// @notice A page of `patient`'s grants; `counterparty` is the grantee.
    function granteesOf(address patient, uint256 offset, uint256 limit)
        external
        view
        returns (GrantView[] memory page);

    /// @notice A page of the grants made to `grantee`; `counterparty` is the patient.
    function patientsOf(address grantee, uint256 offset, uint256 limit)
        external
        view
        returns (GrantView[] memory page);
}
