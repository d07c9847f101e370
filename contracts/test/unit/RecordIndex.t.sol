// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../utils/Test.sol";
import {AccessRegistry} from "../../src/AccessRegistry.sol";
import {IAccessRegistry} from "../../src/IAccessRegistry.sol";
import {RecordIndex} from "../../src/RecordIndex.sol";
import {IRecordIndex} from "../../src/IRecordIndex.sol";

contract RecordIndexTest is Test {
    AccessRegistry internal registry;
    RecordIndex internal index;

    address internal constant PATIENT = address(0xA11CE);
    address internal constant CLINICIAN = address(0xC11);
    bytes32 internal constant HASH_A = keccak256("a");
    bytes32 internal constant HASH_B = keccak256("b");

    function setUp() public {
        vm.warp(1_700_000_000);
        registry = new AccessRegistry();
        index = new RecordIndex(registry);
    }

    function _one(bytes32 h) internal pure returns (bytes32[] memory hashes) {
        hashes = new bytes32[](1);
        hashes[0] = h;
    }

    function _cat(uint8 c) internal pure returns (uint8[] memory categories) {
        categories = new uint8[](1);
        categories[0] = c;
    }

    function test_anchor_patientAnchorsBatchInOrder() public {
        bytes32[] memory hashes = new bytes32[](2);
        hashes[0] = HASH_A;
        hashes[1] = HASH_B;
        uint8[] memory categories = new uint8[](2);
        categories[0] = 0;
        categories[1] = 4;

        vm.expectEmit(true, true, true, true);
        emit IRecordIndex.RecordAnchored(PATIENT, 1, PATIENT, HASH_B, 4);
        vm.prank(PATIENT);
        index.anchor(PATIENT, hashes, categories);

        IRecordIndex.RecordView[] memory page = index.recordsOf(PATIENT, 0, 10);
        assertEq(page.length, 2, "two records");
        assertTrue(page[1].contentHash == HASH_B, "order kept");
        assertEq(page[1].category, 4, "category");
        assertEq(page[1].author, PATIENT, "author");
        assertEq(page[1].anchoredAt, 1_700_000_000, "time");
        assertTrue(index.isAnchored(PATIENT, HASH_A), "isAnchored");
        assertEq(index.recordCount(PATIENT), 2, "count");
        assertEq(index.recordsOf(PATIENT, 2, 10).length, 0, "past the end");
        assertEq(index.recordByHash(PATIENT, HASH_B).category, 4, "found by hash");
        assertEq(
            index.recordByHash(PATIENT, keccak256("c")).author, address(0), "unknown hash is empty"
        );
        assertEq(index.recordByHash(CLINICIAN, HASH_B).author, address(0), "per patient");
    }

    function test_anchor_grantedWriterAnchorsInScopeOnly() public {
        vm.prank(PATIENT);
        registry.grant(PATIENT, CLINICIAN, 1 << 7, IAccessRegistry.Permission.ReadWrite, 0);

        vm.prank(CLINICIAN);
        index.anchor(PATIENT, _one(HASH_A), _cat(7));
        assertEq(index.recordsOf(PATIENT, 0, 1)[0].author, CLINICIAN, "author is the clinician");

        vm.expectRevert(
            abi.encodeWithSelector(
                IRecordIndex.RecordIndexNotWriter.selector, CLINICIAN, PATIENT, uint8(0)
            )
        );
        vm.prank(CLINICIAN);
        index.anchor(PATIENT, _one(HASH_B), _cat(0));
    }

    function test_anchor_revertsForReadOnlyOrExpiredGrant() public {
        vm.prank(PATIENT);
        registry.grant(PATIENT, CLINICIAN, 1, IAccessRegistry.Permission.Read, 0);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRecordIndex.RecordIndexNotWriter.selector, CLINICIAN, PATIENT, uint8(0)
            )
        );
        vm.prank(CLINICIAN);
        index.anchor(PATIENT, _one(HASH_A), _cat(0));

        vm.prank(PATIENT);
        registry.grant(PATIENT, CLINICIAN, 1, IAccessRegistry.Permission.ReadWrite, 1_700_000_100);
        vm.warp(1_700_000_100);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRecordIndex.RecordIndexNotWriter.selector, CLINICIAN, PATIENT, uint8(0)
            )
        );
        vm.prank(CLINICIAN);
        index.anchor(PATIENT, _one(HASH_A), _cat(0));
    }

    function test_anchor_revertsOnDuplicate() public {
        vm.startPrank(PATIENT);
        index.anchor(PATIENT, _one(HASH_A), _cat(0));
        vm.expectRevert(
            abi.encodeWithSelector(IRecordIndex.RecordIndexDuplicate.selector, PATIENT, HASH_A)
        );
        index.anchor(PATIENT, _one(HASH_A), _cat(1));
        vm.stopPrank();
    }

    function test_anchor_revertsOnZeroHash() public {
        vm.expectRevert(abi.encodeWithSelector(IRecordIndex.RecordIndexZeroHash.selector));
        vm.prank(PATIENT);
        index.anchor(PATIENT, _one(bytes32(0)), _cat(0));
    }

    function test_anchor_revertsOnBadBatch() public {
        vm.expectRevert(abi.encodeWithSelector(IRecordIndex.RecordIndexBadBatch.selector, 1, 0));
        vm.prank(PATIENT);
        index.anchor(PATIENT, _one(HASH_A), new uint8[](0));
        vm.expectRevert(abi.encodeWithSelector(IRecordIndex.RecordIndexBadBatch.selector, 0, 0));
        vm.prank(PATIENT);
        index.anchor(PATIENT, new bytes32[](0), new uint8[](0));
    }
}
