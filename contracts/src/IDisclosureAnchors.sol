// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IDisclosureAnchors
/// @notice Anchors the head of the storage server's hash-chained log of disclosures (who read
/// which patient's records or keys, when), so a rewritten log is detected. Only hashes and counts.
interface IDisclosureAnchors {
    /// @notice The log held `count` entries and its last entry hashed to `head`. Emitted by
    /// `anchor`.
    /// @param count Number of log entries the anchor covers.
    /// @param head Hash of the log's entry number `count` (its last one).
    event LogAnchored(uint64 indexed count, bytes32 head);

    /// @notice Only the storage server's operator account anchors. Thrown by `anchor`.
    /// @param caller The account that called.
    error DisclosureAnchorsNotOperator(address caller);

    /// @notice An anchor must cover more entries than the last one. Thrown by `anchor`.
    /// @param count The count given.
    /// @param anchoredCount The count of the latest anchor.
    error DisclosureAnchorsNotForward(uint64 count, uint64 anchoredCount);

    /// @notice The head hash is zero. Thrown by `anchor`.
    error DisclosureAnchorsZeroHead();

    /// @notice Records that the log held `count` entries and its last entry hashed to `head`.
    /// @dev Only the operator. Reverts with `DisclosureAnchorsNotOperator`,
    /// `DisclosureAnchorsNotForward` or `DisclosureAnchorsZeroHead`. Emits `LogAnchored`.
    /// @param count Number of log entries covered; more than the latest anchor's.
    /// @param head Non-zero hash of the last entry covered.
    function anchor(uint64 count, bytes32 head) external;

    /// @notice The storage server's operator account, the only one that may anchor; fixed at
    /// deployment.
    /// @return The operator's address.
    function operator() external view returns (address);

    /// @notice The latest anchor: entries covered and the head hash at that length.
    /// @return count Number of log entries covered; 0 before the first anchor.
    /// @return head Hash of the last entry covered; zero before the first anchor.
    function latest() external view returns (uint64 count, bytes32 head);
}
