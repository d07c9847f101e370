// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessRegistry} from "./IAccessRegistry.sol";
import {IRecordRoots} from "./IRecordRoots.sol";

/// @title RecordRoots
/// @notice One Merkle root per import, chained per patient. See IRecordRoots.
contract RecordRoots is IRecordRoots {
    uint32 private constant EVERY_CATEGORY = type(uint32).max;

    IAccessRegistry public immutable accessRegistry;

    mapping(address patient => bytes32 head) private _heads;

    constructor(IAccessRegistry accessRegistry_) {
        accessRegistry = accessRegistry_;
    }

    /// @inheritdoc IRecordRoots
    function anchor(address patient, bytes32 root) external {
        if (root == bytes32(0)) revert RecordRootsZeroRoot();
        // A view call into our own registry: it cannot re-enter or change state. Which category
        // each leaf is in is checked off-chain against this scope, by the server and every reader.
        uint32 writeScope =
            msg.sender == patient ? EVERY_CATEGORY : accessRegistry.writeScope(patient, msg.sender);
        if (writeScope == 0) revert RecordRootsNotWriter(msg.sender, patient);

        uint40 anchoredAt = uint40(block.timestamp);
        _heads[patient] =
            keccak256(abi.encode(_heads[patient], root, msg.sender, writeScope, anchoredAt));
        emit RecordsAnchored(patient, msg.sender, root, writeScope, anchoredAt);
    }

    /// @inheritdoc IRecordRoots
    function headOf(address patient) external view returns (bytes32) {
        return _heads[patient];
    }
}
