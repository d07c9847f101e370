// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IDisclosureAnchors} from "./IDisclosureAnchors.sol";

/// @title DisclosureAnchors
/// @notice Append-only anchors of the disclosure log: each covers more entries than the last, so
/// history can only be extended, never rewritten, without the chain showing it.
contract DisclosureAnchors is IDisclosureAnchors {
    address public immutable operator;
    uint64 private _count;
    bytes32 private _head;

    constructor(address operator_) {
        operator = operator_;
    }

    /// @inheritdoc IDisclosureAnchors
    function anchor(uint64 count, bytes32 head) external {
        if (msg.sender != operator) revert DisclosureAnchorsNotOperator(msg.sender);
        if (count <= _count) revert DisclosureAnchorsNotForward(count, _count);
        if (head == bytes32(0)) revert DisclosureAnchorsZeroHead();
        _count = count;
        _head = head;
        emit LogAnchored(count, head);
    }

    /// @inheritdoc IDisclosureAnchors
    function latest() external view returns (uint64 count, bytes32 head) {
        return (_count, _head);
    }
}
