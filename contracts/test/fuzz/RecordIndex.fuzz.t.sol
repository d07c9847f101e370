// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../utils/Test.sol";
import {AccessRegistry} from "../../src/AccessRegistry.sol";
import {IAccessRegistry} from "../../src/IAccessRegistry.sol";
import {RecordIndex} from "../../src/RecordIndex.sol";
import {IRecordIndex} from "../../src/IRecordIndex.sol";

contract RecordIndexFuzzTest is Test {
    AccessRegistry internal registry;
    RecordIndex internal index;
    address internal constant PATIENT = address(0xA11CE);
    address internal constant WRITER = address(0xC11);

    function setUp() public {
        vm.warp(1_700_000_000);
        registry = new AccessRegistry();
        index = new RecordIndex(registry);
    }

    /// A writer anchors exactly when a live read-write grant covers the category.
    function testFuzz_anchor_onlyWithinLiveWriteScope(
        uint32 scope,
        uint8 category,
        bool readWrite,
        uint256 lifetime,
        uint256 elapsed,
        bytes32 contentHash
    ) public {
        vm.assume(scope != 0 && contentHash != bytes32(0));
        category = uint8(bound(category, 0, 31));
        lifetime = bound(lifetime, 1, 365 days);
        elapsed = bound(elapsed, 0, 2 * 365 days);
        vm.prank(PATIENT);
        registry.grant(
            PATIENT,
            WRITER,
            scope,
            readWrite ? IAccessRegistry.Permission.ReadWrite : IAccessRegistry.Permission.Read,
            uint40(1_700_000_000 + lifetime)
        );
        vm.warp(1_700_000_000 + elapsed);

        bool allowed = readWrite && scope & (uint32(1) << category) != 0 && elapsed < lifetime;
        bytes32[] memory hashes = new bytes32[](1);
        hashes[0] = contentHash;
        uint8[] memory categories = new uint8[](1);
        categories[0] = category;
        if (!allowed) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IRecordIndex.RecordIndexNotWriter.selector, WRITER, PATIENT, category
                )
            );
        }
        vm.prank(WRITER);
        index.anchor(PATIENT, hashes, categories);
        assertTrue(index.isAnchored(PATIENT, contentHash) == allowed, "anchored iff allowed");
    }
}
