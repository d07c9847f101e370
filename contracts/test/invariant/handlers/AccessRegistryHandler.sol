// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../../utils/Test.sol";
import {AccessRegistry} from "../../../src/AccessRegistry.sol";
import {IAccessRegistry} from "../../../src/IAccessRegistry.sol";

/// @dev Drives random grants, updates, revokes and the passage of time across a small cast of
/// patients and clinicians, and keeps a ghost copy of which grants are live.
contract AccessRegistryHandler is Test {
    AccessRegistry public immutable registry;
    uint256 public constant ACTORS = 6;

    /// ghost: scope of the unrevoked grant from patient i to grantee j (0 = none)
    mapping(uint256 => mapping(uint256 => uint32)) public ghostCategories;
    mapping(uint256 => mapping(uint256 => uint40)) public ghostExpiresAt;
    uint256 public revokes;

    constructor(AccessRegistry registry_) {
        registry = registry_;
    }

    function actor(uint256 i) public pure returns (address) {
        return address(uint160(0x1000 + i));
    }

    function grant(uint256 patientSeed, uint256 granteeSeed, uint32 categories, uint256 lifetime)
        external
    {
        uint256 p = bound(patientSeed, 0, ACTORS - 1);
        uint256 g = bound(granteeSeed, 0, ACTORS - 1);
        if (p == g || categories == 0) return;
        lifetime = bound(lifetime, 0, 30 days);
        uint40 expiresAt = lifetime == 0 ? 0 : uint40(block.timestamp + lifetime);

        vm.prank(actor(p));
        registry.grant(actor(p), actor(g), categories, IAccessRegistry.Permission.Read, expiresAt);
        ghostCategories[p][g] = categories;
        ghostExpiresAt[p][g] = expiresAt;
    }

    function revoke(uint256 patientSeed, uint256 granteeSeed) external {
        uint256 p = bound(patientSeed, 0, ACTORS - 1);
        uint256 g = bound(granteeSeed, 0, ACTORS - 1);
        if (ghostCategories[p][g] == 0) return;

        vm.prank(actor(p));
        registry.revoke(actor(p), actor(g));
        ghostCategories[p][g] = 0;
        ghostExpiresAt[p][g] = 0;
        ++revokes;
    }

    function passTime(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, 10 days));
    }
}
