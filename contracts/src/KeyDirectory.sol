// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IKeyDirectory} from "./IKeyDirectory.sol";

/// @title KeyDirectory
/// @notice Maps accounts to their X25519 encryption public keys.
contract KeyDirectory is IKeyDirectory {
    mapping(address account => bytes32) private _keys;

    /// @inheritdoc IKeyDirectory
    function registerKey(bytes32 publicKey) external {
        if (publicKey == bytes32(0)) revert KeyDirectoryZeroKey();
        _keys[msg.sender] = publicKey;
        emit EncryptionKeyRegistered(msg.sender, publicKey);
    }

    /// @inheritdoc IKeyDirectory
    function keyOf(address account) external view returns (bytes32) {
        return _keys[account];
    }
}
