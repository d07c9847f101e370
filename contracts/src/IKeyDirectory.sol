// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IKeyDirectory
/// @notice Each account's X25519 encryption public key, so others can wrap keys to it.
/// @dev The key is derived in the browser from a wallet signature; only its public half is here.
interface IKeyDirectory {
    /// @notice `account` registered or replaced its encryption public key. Emitted by
    /// `registerKey`.
    /// @param account The account (the caller).
    /// @param publicKey The X25519 public key, as 32 little-endian bytes.
    event EncryptionKeyRegistered(address indexed account, bytes32 publicKey);

    /// @notice The public key is all zeros. Thrown by `registerKey`.
    error KeyDirectoryZeroKey();

    /// @notice The public key is a low-order X25519 point: anything sealed to it would be
    /// readable by anyone, so it is refused. Thrown by `registerKey`.
    /// @dev The top bit of the last byte, which X25519 ignores, is ignored here too.
    /// @param publicKey The key given.
    error KeyDirectoryInvalidKey(bytes32 publicKey);

    /// @notice Registers (or rotates) the caller's X25519 public key, replacing any earlier one.
    /// @dev Reverts with `KeyDirectoryZeroKey` or `KeyDirectoryInvalidKey`. Emits
    /// `EncryptionKeyRegistered`.
    /// @param publicKey The caller's X25519 public key, as 32 little-endian bytes; stored as
    /// given.
    function registerKey(bytes32 publicKey) external;

    /// @notice The X25519 public key of `account`, or zero if none is registered.
    /// @param account The account to look up.
    /// @return The registered public key, or zero.
    function keyOf(address account) external view returns (bytes32);
}
