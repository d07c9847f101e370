// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IRecordIndex
/// @notice Tamper evidence for a patient's encrypted records: the SHA-256 of each stored
/// ciphertext, its category number, who wrote it and when. Never any health data or names.
interface IRecordIndex {
    /// @notice One anchored record.
    /// @param contentHash SHA-256 of the encrypted blob as stored off-chain.
    /// @param category Category number (meaning defined off-chain).
    /// @param author The patient, or a grantee with write permission.
    /// @param anchoredAt Block time of anchoring.
    struct RecordView {
        bytes32 contentHash;
        uint8 category;
        address author;
        uint40 anchoredAt;
    }

    /// @notice A record was anchored for `patient`.
    event RecordAnchored(
        address indexed patient,
        uint256 indexed index,
        address indexed author,
        bytes32 contentHash,
        uint8 category
    );

    /// @notice `caller` may not add records in `category` for `patient`.
    error RecordIndexNotWriter(address caller, address patient, uint8 category);

    /// @notice The content hash is zero.
    error RecordIndexZeroHash();

    /// @notice This content is already anchored for this patient.
    error RecordIndexDuplicate(address patient, bytes32 contentHash);

    /// @notice `contentHashes` and `categories` differ in length, or are empty.
    error RecordIndexBadBatch(uint256 hashes, uint256 categories);

    /// @notice Anchors a batch of records for `patient`; the caller must be allowed to write each
    /// category (the patient always is).
    function anchor(address patient, bytes32[] calldata contentHashes, uint8[] calldata categories)
        external;

    /// @notice How many records `patient` has.
    function recordCount(address patient) external view returns (uint256);

    /// @notice A page of `patient`'s records in anchoring order.
    function recordsOf(address patient, uint256 offset, uint256 limit)
        external
        view
        returns (RecordView[] memory page);

    /// @notice Whether `contentHash` is anchored for `patient`.
    function isAnchored(address patient, bytes32 contentHash) external view returns (bool);

    /// @notice The record of `patient` with `contentHash`; all zero if there is none. Lets a
    /// storage server learn a blob's category to authorize a read.
    function recordByHash(address patient, bytes32 contentHash)
        external
        view
        returns (RecordView memory);
}
