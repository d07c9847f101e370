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
        if (_isLowOrder(publicKey)) revert KeyDirectoryInvalidKey(publicKey);
        _keys[msg.sender] = publicKey;
        emit EncryptionKeyRegistered(msg.sender, publicKey);
    }

    /// @dev The X25519 points of small order (RFC 7748 §6.1 leaves their rejection to callers),
    /// as 32 little-endian bytes: 0, 1, the two points of order 8, and p − 1, p, p + 1. X25519
    /// ignores the top bit of the last byte, so it is cleared before comparing.
    function _isLowOrder(bytes32 publicKey) private pure returns (bool) {
        bytes32 u = publicKey & ~bytes32(uint256(0x80));
        return u == bytes32(0)
            || u == 0x0100000000000000000000000000000000000000000000000000000000000000
            || u == 0xe0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800
            || u == 0x5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157
            || u == 0xecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f
            || u == 0xedffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f
            || u == 0xeeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f;
    }

    /// @inheritdoc IKeyDirectory
    function keyOf(address account) external view returns (bytes32) {
        return _keys[account];
    }
}
