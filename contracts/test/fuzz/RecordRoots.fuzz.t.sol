// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../utils/Test.sol";
import {AccessRegistry} from "../../src/AccessRegistry.sol";
import {IAccessRegistry} from "../../src/IAccessRegistry.sol";
import {RecordRoots} from "../../src/RecordRoots.sol";
import {IRecordRoots} from "../../src/IRecordRoots.sol";

contract RecordRootsFuzzTest is Test {
    AccessRegistry internal registry;
    RecordRoots internal roots;
    address internal constant PATIENT = address(0xA11CE);
    address internal constant WRITER = address(0xC11);
    uint40 internal constant T0 = 1_700_000_000;

    function setUp() public {
        vm.warp(T0);
        registry = new AccessRegistry();
        roots = new RecordRoots(registry);
    }

    /// A writer anchors exactly while a live read-and-add grant exists, and the chain records the
    /// grant's categories as the scope readers hold the root's leaves to.
    function testFuzz_anchor_onlyWhileAWriteGrantIsLive(
        uint32 scope,
        bool readWrite,
        uint256 lifetime,
        uint256 elapsed,
        bytes32 root
    ) public {
        vm.assume(scope != 0 && root != bytes32(0));
        lifetime = bound(lifetime, 1, 365 days);
        elapsed = bound(elapsed, 0, 2 * 365 days);
        vm.prank(PATIENT);
        registry.grant(
            PATIENT,
            WRITER,
            scope,
            readWrite ? IAccessRegistry.Permission.ReadWrite : IAccessRegistry.Permission.Read,
            uint40(T0 + lifetime)
        );
        vm.warp(T0 + elapsed);

        bool allowed = readWrite && elapsed < lifetime;
        if (!allowed) {
            vm.expectRevert(
                abi.encodeWithSelector(IRecordRoots.RecordRootsNotWriter.selector, WRITER, PATIENT)
            );
        }
        vm.prank(WRITER);
        roots.anchor(PATIENT, root);
        bytes32 expected = allowed
            ? keccak256(abi.encode(bytes32(0), root, WRITER, scope, uint40(T0 + elapsed)))
            : bytes32(0);
        assertEq(roots.headOf(PATIENT), expected, "head iff allowed, with the grant's scope");
    }

    /// Nobody without a grant ever moves a patient's head, whatever root they send.
    function testFuzz_anchor_strangersNeverMoveTheHead(address stranger, bytes32 root) public {
        vm.assume(stranger != PATIENT && root != bytes32(0));
        vm.expectRevert(
            abi.encodeWithSelector(IRecordRoots.RecordRootsNotWriter.selector, stranger, PATIENT)
        );
        vm.prank(stranger);
        roots.anchor(PATIENT, root);
        assertEq(roots.headOf(PATIENT), bytes32(0), "head unchanged");
    }
}
