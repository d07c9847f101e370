// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IRecordRoots
/// @notice Tamper evidence for a patient's encrypted records with nothing clinical on-chain: one
/// Merkle root per import (or per record a clinician adds). The leaves, each binding patient,
/// content hash, category, author and a random salt, stay off-chain with the blobs; readers check
/// every blob against a leaf, the leaf against a root, and the root against this contract.
/// @dev Anchors of one patient form a hash chain whose head is the only storage: a reader replays
/// the `RecordsAnchored` events and compares with `headOf`, which proves the list it read is
/// complete and in order. An observer learns only that an author added something at a time.
interface IRecordRoots {
    /// @notice `author` anchored `root` for `patient`. Emitted by `anchor`.
    /// @param patient The patient whose records the root covers.
    /// @param author The account that anchored it (the caller).
    /// @param root The Merkle root of the batch.
    /// @param writeScope The categories `author` could write for `patient` at that moment (every
    /// bit for the patient; a grant's categories, already public, for a clinician). Readers refuse
    /// leaves under this root in any other category.
    /// @param anchoredAt Block time, part of the chain so a reader needs no block read.
    event RecordsAnchored(
        address indexed patient,
        address indexed author,
        bytes32 root,
        uint32 writeScope,
        uint40 anchoredAt
    );

    /// @notice `caller` may not add records for `patient` in any category: it is not the patient
    /// and holds no live read-and-add grant from them in the access registry. Thrown by
    /// `anchor`.
    /// @param caller The account that called.
    /// @param patient The patient named.
    error RecordRootsNotWriter(address caller, address patient);

    /// @notice The root is zero. Thrown by `anchor`.
    error RecordRootsZeroRoot();

    /// @notice Anchors the Merkle root of a batch of `patient`'s records; the caller must be the
    /// patient or hold a live read-and-add grant from them. Anchoring the same root again is
    /// harmless: every leaf names its author, and readers match a root to its leaves' author.
    /// @dev The patient writes every category; anyone else's scope is
    /// `IAccessRegistry.writeScope(patient, caller)` (emergency access never allows anchoring).
    /// Reverts with `RecordRootsZeroRoot` or `RecordRootsNotWriter`. Emits `RecordsAnchored`.
    /// @param patient The patient whose records the root covers.
    /// @param root Non-zero Merkle root of the batch's leaves.
    function anchor(address patient, bytes32 root) external;

    /// @notice The head of `patient`'s anchor chain: zero before the first anchor, then
    /// `keccak256(abi.encode(previousHead, root, author, writeScope, anchoredAt))`.
    /// @param patient The patient.
    /// @return The current head of the chain; zero if nothing was anchored.
    function headOf(address patient) external view returns (bytes32);
}
