// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../utils/Test.sol";
import {AccessRegistry} from "../../src/AccessRegistry.sol";
import {IAccessRegistry} from "../../src/IAccessRegistry.sol";
import {OzEnumerableRoles} from "./OzEnumerableRoles.sol";

/// @dev Prices AccessRegistry and OZ AccessControlEnumerable in the same forge run, one named
/// snapshot per action (`snapshots/access.json`, read by scripts/bench.ts). Both measure a new
/// entry landing in a list that already holds one, as in steady use: the patient's second
/// clinician, the role's second member.
contract GasComparisonTest is Test {
    address internal constant PATIENT = address(0xA11CE);
    address internal constant FIRST = address(0xC001);
    address internal constant SECOND = address(0xC002);

    function test_bench_accessRegistry() public {
        AccessRegistry registry = new AccessRegistry();
        vm.warp(1_700_000_000);
        vm.startPrank(PATIENT);
        registry.grant(PATIENT, FIRST, 0x1ff, IAccessRegistry.Permission.Read, 0);
        vm.snapshotGasLastCall("access", "grant (first ever)");
        registry.grant(PATIENT, SECOND, 0x1ff, IAccessRegistry.Permission.Read, 0);
        vm.snapshotGasLastCall("access", "grant (new)");
        registry.grant(PATIENT, SECOND, 0x0f, IAccessRegistry.Permission.ReadWrite, 1_800_000_000);
        vm.snapshotGasLastCall("access", "grant (update)");
        registry.canRead(PATIENT, SECOND, 1);
        vm.snapshotGasLastCall("access", "canRead");
        registry.canWrite(PATIENT, SECOND, 1);
        vm.snapshotGasLastCall("access", "canWrite");
        registry.getGrant(PATIENT, SECOND);
        vm.snapshotGasLastCall("access", "getGrant");
        registry.granteesOf(PATIENT, 0, 10);
        vm.snapshotGasLastCall("access", "granteesOf (2 grants)");
        registry.patientsOf(SECOND, 0, 10);
        vm.snapshotGasLastCall("access", "patientsOf (1 grant)");
        registry.revoke(PATIENT, FIRST);
        vm.snapshotGasLastCall("access", "revoke");
        vm.stopPrank();
    }

    function test_bench_ozAccessControlEnumerable() public {
        OzEnumerableRoles roles = new OzEnumerableRoles();
        bytes32 role = roles.READER_ROLE();
        roles.grantRole(role, FIRST);
        vm.snapshotGasLastCall("access", "oz grantRole (first ever)");
        roles.grantRole(role, SECOND);
        vm.snapshotGasLastCall("access", "oz grantRole (new)");
        roles.hasRole(role, SECOND);
        vm.snapshotGasLastCall("access", "oz hasRole");
        roles.revokeRole(role, FIRST);
        vm.snapshotGasLastCall("access", "oz revokeRole");
    }
}
