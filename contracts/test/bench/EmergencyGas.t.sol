// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../utils/Test.sol";
import {AccessRegistry} from "../../src/AccessRegistry.sol";
import {IAccessRegistry} from "../../src/IAccessRegistry.sol";
import {DisclosureAnchors} from "../../src/DisclosureAnchors.sol";
import {EmergencyAccess} from "../../src/EmergencyAccess.sol";

/// @dev Gas for emergency access and anchoring the disclosure log (`snapshots/emergency.json`).
contract EmergencyGasTest is Test {
    address internal constant OWNER = address(0x60);
    address internal constant HOSPITAL = address(0x405);
    address internal constant RESPONDER = address(0xE3);
    address internal constant PATIENT = address(0xA11CE);

    function test_bench_emergency() public {
        vm.warp(1_700_000_000);
        EmergencyAccess emergency = new EmergencyAccess(OWNER);
        vm.prank(OWNER);
        emergency.setInstitution(HOSPITAL, true);
        vm.snapshotGasLastCall("emergency", "register institution");
        vm.prank(HOSPITAL);
        emergency.setResponder(RESPONDER, true);
        vm.snapshotGasLastCall("emergency", "register responder");
        vm.prank(PATIENT);
        emergency.setPolicy(0xf, 24 hours);
        vm.snapshotGasLastCall("emergency", "opt in");
        vm.prank(RESPONDER);
        emergency.breakGlass(PATIENT, keccak256(abi.encode(uint8(1), bytes32("salt"))));
        vm.snapshotGasLastCall("emergency", "break glass");
        vm.prank(PATIENT);
        emergency.endAccess(PATIENT, RESPONDER);
        vm.snapshotGasLastCall("emergency", "end emergency access");

        AccessRegistry registry = new AccessRegistry();
        vm.prank(PATIENT);
        registry.appointCaregiver(address(0xCA4E), 1_800_000_000);
        vm.snapshotGasLastCall("emergency", "appoint caregiver");
        vm.prank(address(0xCA4E));
        registry.grant(PATIENT, address(0xC11), 1, IAccessRegistry.Permission.Read, 0);
        vm.snapshotGasLastCall("emergency", "grant by caregiver");
        vm.prank(PATIENT);
        registry.removeCaregiver(address(0xCA4E));
        vm.snapshotGasLastCall("emergency", "remove caregiver");

        DisclosureAnchors anchors = new DisclosureAnchors(OWNER);
        vm.startPrank(OWNER);
        anchors.anchor(100, keccak256("first"));
        vm.snapshotGasLastCall("emergency", "anchor log head (first)");
        anchors.anchor(200, keccak256("second"));
        vm.snapshotGasLastCall("emergency", "anchor log head");
        vm.stopPrank();
    }
}
