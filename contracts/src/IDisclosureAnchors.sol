// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IDisclosureAnchors
/// @notice Anchors the head of the storage server's hash-chained log of disclosures (who read
/// which patient's records or keys, when), so a rewritten log is detected. Only hashes and counts.
interface IDisclosureAnchors {
    /// @notice The log held `count` entries and its last entry hashed to `head`.
    event LogAnchored(uint64 indexed count, bytes32 head);

    /// @notice Only the storage server's operator account anchors.
    error DisclosureAnchorsNotOperator(address caller);
    /// @notice An anchor must cover more entries than the last one.
    error DisclosureAnchorsNotForward(uint64 count, uint64 anchoredCount);
    /// @notice The head hash is zero.
    error DisclosureAnchorsZeroHead();

    function anchor(uint64 count, bytes32 head) external;

    function operator() external view returns (address);

    /// @notice The latest anchor: entries covered and the head hash at that length.
    function latest() external view returns (uint64 count, bytes32 head);
}
