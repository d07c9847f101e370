// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../utils/Test.sol";
import {AccessRegistry} from "../../src/AccessRegistry.sol";
import {IAccessRegistry} from "../../src/IAccessRegistry.sol";
import {RecordRoots} from "../../src/RecordRoots.sol";
import {IRecordRoots} from "../../src/IRecordRoots.sol";

contract RecordRootsTest is Test {
    AccessRegistry internal registry;
    RecordRoots internal roots;

    address internal constant PATIENT = address(0xA11CE);
    address internal constant CLINICIAN = address(0xC11);
    address internal constant STRANGER = address(0xBAD);
    bytes32 internal constant ROOT_A = keccak256("a");
    bytes32 internal constant ROOT_B = keccak256("b");
    uint40 internal constant T0 = 1_700_000_000;

    function setUp() public {
        vm.warp(T0);
        registry = new AccessRegistry();
        roots = new RecordRoots(registry);
    }

    function _next(bytes32 head, bytes32 root, address author, uint32 scope, uint40 at)
        internal
        pure
        returns (bytes32)
    {
        return keccak256(abi.encode(head, root, author, scope, at));
    }

    function test_anchor_patientExtendsTheChain() public {
        assertEq(roots.headOf(PATIENT), bytes32(0), "no anchors yet");
        vm.expectEmit(true, true, true, true);
        emit IRecordRoots.RecordsAnchored(PATIENT, PATIENT, ROOT_A, type(uint32).max, T0);
        vm.prank(PATIENT);
        roots.anchor(PATIENT, ROOT_A);
        bytes32 first = _next(bytes32(0), ROOT_A, PATIENT, type(uint32).max, T0);
        assertEq(roots.headOf(PATIENT), first, "head after one");

        vm.warp(T0 + 60);
        vm.prank(PATIENT);
        roots.anchor(PATIENT, ROOT_B);
        assertEq(
            roots.headOf(PATIENT),
            _next(first, ROOT_B, PATIENT, type(uint32).max, T0 + 60),
            "head after two"
        );
        assertEq(roots.headOf(CLINICIAN), bytes32(0), "per patient");
    }

    function test_anchor_writerRecordsTheGrantScope() public {
        vm.prank(PATIENT);
        registry.grant(PATIENT, CLINICIAN, 1 << 7 | 1 << 2, IAccessRegistry.Permission.ReadWrite, 0);
        vm.expectEmit(true, true, true, true);
        emit IRecordRoots.RecordsAnchored(PATIENT, CLINICIAN, ROOT_A, 1 << 7 | 1 << 2, T0);
        vm.prank(CLINICIAN);
        roots.anchor(PATIENT, ROOT_A);
        assertEq(
            roots.headOf(PATIENT),
            _next(bytes32(0), ROOT_A, CLINICIAN, 1 << 7 | 1 << 2, T0),
            "writer's anchor chained with its scope"
        );
    }

    function test_anchor_refusesStrangersReadersAndTheRevoked() public {
        vm.expectRevert(
            abi.encodeWithSelector(IRecordRoots.RecordRootsNotWriter.selector, STRANGER, PATIENT)
        );
        vm.prank(STRANGER);
        roots.anchor(PATIENT, ROOT_A);

        vm.prank(PATIENT);
        registry.grant(PATIENT, CLINICIAN, 1 << 7, IAccessRegistry.Permission.Read, 0);
        vm.expectRevert(
            abi.encodeWithSelector(IRecordRoots.RecordRootsNotWriter.selector, CLINICIAN, PATIENT)
        );
        vm.prank(CLINICIAN);
        roots.anchor(PATIENT, ROOT_A);

        vm.startPrank(PATIENT);
        registry.grant(PATIENT, CLINICIAN, 1 << 7, IAccessRegistry.Permission.ReadWrite, 0);
        registry.revoke(PATIENT, CLINICIAN);
        vm.stopPrank();
        vm.expectRevert(
            abi.encodeWithSelector(IRecordRoots.RecordRootsNotWriter.selector, CLINICIAN, PATIENT)
        );
        vm.prank(CLINICIAN);
        roots.anchor(PATIENT, ROOT_A);
        assertEq(roots.headOf(PATIENT), bytes32(0), "nothing anchored");
    }

    function test_anchor_expiredWriteGrantIsRefused() public {
        vm.prank(PATIENT);
        registry.grant(PATIENT, CLINICIAN, 1 << 7, IAccessRegistry.Permission.ReadWrite, T0 + 100);
        vm.warp(T0 + 100);
        vm.expectRevert(
            abi.encodeWithSelector(IRecordRoots.RecordRootsNotWriter.selector, CLINICIAN, PATIENT)
        );
        vm.prank(CLINICIAN);
        roots.anchor(PATIENT, ROOT_A);
    }

    function test_anchor_refusesZeroRootAndZeroPatient() public {
        vm.expectRevert(abi.encodeWithSelector(IRecordRoots.RecordRootsZeroRoot.selector));
        vm.prank(PATIENT);
        roots.anchor(PATIENT, bytes32(0));
        vm.expectRevert(
            abi.encodeWithSelector(IRecordRoots.RecordRootsNotWriter.selector, PATIENT, address(0))
        );
        vm.prank(PATIENT);
        roots.anchor(address(0), ROOT_A);
    }

    function test_writeScope_followsTheGrant() public {
        assertEq(registry.writeScope(PATIENT, PATIENT), type(uint32).max, "patient writes all");
        assertEq(registry.writeScope(PATIENT, CLINICIAN), 0, "no grant");
        vm.prank(PATIENT);
        registry.grant(PATIENT, CLINICIAN, 1 << 3, IAccessRegistry.Permission.ReadWrite, 0);
        assertEq(registry.writeScope(PATIENT, CLINICIAN), 1 << 3, "grant's categories");
        assertEq(registry.writeScope(address(0), address(0)), 0, "nobody is the zero patient");
    }
}
