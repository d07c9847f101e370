// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../../utils/Test.sol";
import {AccessRegistry} from "../../../src/AccessRegistry.sol";
import {IAccessRegistry} from "../../../src/IAccessRegistry.sol";

/// @dev Patients appoint and remove caregivers, time passes, caregivers try to act; a ghost copy
/// of the appointments predicts whether each act may succeed.
contract CaregiverHandler is Test {
    AccessRegistry public immutable registry;
    uint256 public constant ACTORS = 4;
    mapping(uint256 patient => mapping(uint256 caregiver => uint256 expiresAt)) internal _ghost;
    /// Which caregiver made the live grant from patient to grantee, if a caregiver did (+1; 0 none).
    mapping(uint256 patient => mapping(uint256 grantee => uint256 caregiverPlusOne)) internal
        _madeBy;
    uint256 public actsOutsideAppointment;
    uint256 public refusedAppointedActs;
    uint256 public selfGrantsByCaregivers;

    constructor(AccessRegistry registry_) {
        registry = registry_;
    }

    function actor(uint256 i) public pure returns (address) {
        return address(uint160(0x8100 + i));
    }

    function appoint(uint256 p, uint256 c, uint256 lifetime) external {
        p = bound(p, 0, ACTORS - 1);
        c = bound(c, 0, ACTORS - 1);
        if (p == c) return;
        uint256 expiresAt = block.timestamp + bound(lifetime, 1, 10 days);
        vm.prank(actor(p));
        registry.appointCaregiver(actor(c), uint40(expiresAt));
        _ghost[p][c] = expiresAt;
    }

    function remove(uint256 p, uint256 c) external {
        p = bound(p, 0, ACTORS - 1);
        c = bound(c, 0, ACTORS - 1);
        if (block.timestamp >= _ghost[p][c]) return;
        vm.prank(actor(p));
        registry.removeCaregiver(actor(c));
        _ghost[p][c] = 0;
    }

    function actFor(uint256 c, uint256 p, uint256 g) external {
        c = bound(c, 0, ACTORS - 1);
        p = bound(p, 0, ACTORS - 1);
        g = bound(g, 0, ACTORS - 1);
        if (c == p || g == p) return;
        bool appointed = block.timestamp < _ghost[p][c];
        bool existed =
            registry.getGrant(actor(p), actor(g)).permission != IAccessRegistry.Permission.None;
        vm.prank(actor(c));
        try registry.grant(actor(p), actor(g), 1, IAccessRegistry.Permission.Read, 0) {
            if (!appointed) actsOutsideAppointment += 1;
            if (g == c) selfGrantsByCaregivers += 1;
            // A caregiver's edit of the patient's own grant stays the patient's.
            if (!existed || _madeBy[p][g] != 0) _madeBy[p][g] = c + 1;
        } catch {
            if (appointed && g != c) refusedAppointedActs += 1;
        }
    }

    /// The patient grants directly: no caregiver's appointment bounds it any more.
    function grantDirectly(uint256 p, uint256 g) external {
        p = bound(p, 0, ACTORS - 1);
        g = bound(g, 0, ACTORS - 1);
        if (g == p) return;
        vm.prank(actor(p));
        registry.grant(actor(p), actor(g), 1, IAccessRegistry.Permission.Read, 0);
        _madeBy[p][g] = 0;
    }

    /// Grants a caregiver made that still read although that caregiver's appointment has ended.
    function caregiverGrantsOutlivingAppointment() external view returns (uint256 count) {
        for (uint256 p; p < ACTORS; ++p) {
            for (uint256 g; g < ACTORS; ++g) {
                uint256 made = _madeBy[p][g];
                if (made == 0) continue;
                bool live = registry.isCaregiver(actor(p), actor(made - 1));
                if (!live && registry.canRead(actor(p), actor(g), 0)) ++count;
            }
        }
    }

    function wait(uint256 time) external {
        vm.warp(block.timestamp + bound(time, 1 hours, 5 days));
    }
}
