// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../utils/Test.sol";
import {AccessRegistry} from "../../src/AccessRegistry.sol";
import {IAccessRegistry} from "../../src/IAccessRegistry.sol";
import {AccessRegistryHandler} from "./handlers/AccessRegistryHandler.sol";

contract AccessRegistryInvariantTest is Test {
    AccessRegistry internal registry;
    AccessRegistryHandler internal handler;

    function setUp() public {
        vm.warp(1_700_000_000);
        registry = new AccessRegistry();
        handler = new AccessRegistryHandler(registry);
        targetContract(address(handler));
    }

    /// Reads are allowed exactly for unrevoked, unexpired grants and their categories.
    function invariant_onlyLiveGrantsRead() public view {
        uint256 n = handler.ACTORS();
        for (uint256 p; p < n; ++p) {
            for (uint256 g; g < n; ++g) {
                if (p == g) continue;
                uint32 scope = handler.ghostCategories(p, g);
                uint40 expiresAt = handler.ghostExpiresAt(p, g);
                bool live = scope != 0 && (expiresAt == 0 || block.timestamp < expiresAt);
                uint32 readable = registry.readScope(handler.actor(p), handler.actor(g));
                assertTrue(readable == (live ? scope : 0), "readScope disagrees with the ghost");
                for (uint8 c; c < 32; c += 5) {
                    bool expected = live && scope & (uint32(1) << c) != 0;
                    bool actual = registry.canRead(handler.actor(p), handler.actor(g), c);
                    assertTrue(actual == expected, "canRead disagrees with the ghost");
                }
            }
        }
    }

    /// Both enumerations list exactly the unrevoked grants, with matching scope.
    function invariant_enumerationMatchesUnrevokedGrants() public view {
        uint256 n = handler.ACTORS();
        for (uint256 a; a < n; ++a) {
            address account = handler.actor(a);
            uint256 asPatient;
            uint256 asGrantee;
            for (uint256 b; b < n; ++b) {
                if (handler.ghostCategories(a, b) != 0) ++asPatient;
                if (handler.ghostCategories(b, a) != 0) ++asGrantee;
            }
            IAccessRegistry.GrantView[] memory grantees = registry.granteesOf(account, 0, n);
            IAccessRegistry.GrantView[] memory patients = registry.patientsOf(account, 0, n);
            assertEq(grantees.length, asPatient, "grantee list length");
            assertEq(patients.length, asGrantee, "patient list length");
            assertEq(registry.granteeCount(account), asPatient, "granteeCount");
            assertEq(registry.patientCount(account), asGrantee, "patientCount");
            for (uint256 i; i < grantees.length; ++i) {
                uint256 b = uint160(grantees[i].counterparty) - 0x1000;
                assertEq(grantees[i].categories, handler.ghostCategories(a, b), "listed scope");
            }
            for (uint256 i; i < patients.length; ++i) {
                uint256 b = uint160(patients[i].counterparty) - 0x1000;
                assertEq(patients[i].categories, handler.ghostCategories(b, a), "listed scope");
            }
        }
    }
}
