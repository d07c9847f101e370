// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../utils/Test.sol";
import {AccessRegistry} from "../../src/AccessRegistry.sol";
import {IAccessRegistry} from "../../src/IAccessRegistry.sol";
import {KeyDirectory} from "../../src/KeyDirectory.sol";
import {RecordRoots} from "../../src/RecordRoots.sol";

/// @dev Gas per import anchored (`snapshots/records.json`). An import is one root whatever its
/// size: 1, 100 or 1,244 records send the same 32 bytes, so each size is measured as its own
/// import in order (the first pays for the patient's head slot).
contract RecordRootsGasTest is Test {
    address internal constant PATIENT = address(0xA11CE);
    address internal constant CLINICIAN = address(0xC11);

    function test_bench_recordRoots() public {
        AccessRegistry registry = new AccessRegistry();
        RecordRoots roots = new RecordRoots(registry);
        vm.startPrank(PATIENT);
        roots.anchor(PATIENT, keccak256("import of 1 record"));
        vm.snapshotGasLastCall("records", "anchor import of 1 record (first)");
        roots.anchor(PATIENT, keccak256("import of 100 records"));
        vm.snapshotGasLastCall("records", "anchor import of 100 records");
        roots.anchor(PATIENT, keccak256("import of 1244 records"));
        vm.snapshotGasLastCall("records", "anchor import of 1,244 records");
        registry.grant(PATIENT, CLINICIAN, 1 << 7, IAccessRegistry.Permission.ReadWrite, 0);
        vm.stopPrank();

        vm.prank(CLINICIAN);
        roots.anchor(PATIENT, keccak256("clinician's note"));
        vm.snapshotGasLastCall("records", "anchor a clinician's record");

        KeyDirectory directory = new KeyDirectory();
        vm.prank(PATIENT);
        directory.registerKey(keccak256("key"));
        vm.snapshotGasLastCall("records", "registerKey");
    }
}
