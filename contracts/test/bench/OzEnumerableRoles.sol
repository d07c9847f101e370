// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {
    AccessControlEnumerable
} from "@openzeppelin/contracts/access/extensions/AccessControlEnumerable.sol";

/// @dev Baseline for `npm run bench`: OpenZeppelin's enumerable role grant, the closest standard
/// analogue of an access grant. The deployer administers one role.
contract OzEnumerableRoles is AccessControlEnumerable {
    bytes32 public constant READER_ROLE = keccak256("READER_ROLE");

    constructor() {
        _grantRole(DEFAULT_ADMIN_ROLE, msg.sender);
    }
}
