// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../utils/Test.sol";
import {AccessRegistry} from "../../src/AccessRegistry.sol";
import {KeyDirectory} from "../../src/KeyDirectory.sol";
import {RecordIndex} from "../../src/RecordIndex.sol";

/// @dev Gas per record anchored, alone and in a batch of 100 (`snapshots/records.json`).
contract RecordIndexGasTest is Test {
    address internal constant PATIENT = address(0xA11CE);

    function test_bench_recordIndex() public {
        RecordIndex index = new RecordIndex(new AccessRegistry());
        vm.startPrank(PATIENT);
        bytes32[] memory one = new bytes32[](1);
        one[0] = keccak256("first");
        uint8[] memory oneCategory = new uint8[](1);
        index.anchor(PATIENT, one, oneCategory);
        vm.snapshotGasLastCall("records", "anchor (1 record)");

        bytes32[] memory batch = new bytes32[](100);
        uint8[] memory categories = new uint8[](100);
        for (uint256 i; i < 100; ++i) {
            batch[i] = keccak256(abi.encode(i));
            categories[i] = uint8(i % 9);
        }
        index.anchor(PATIENT, batch, categories);
        vm.snapshotGasLastCall("records", "anchor (batch of 100)");
        vm.stopPrank();

        KeyDirectory directory = new KeyDirectory();
        vm.prank(PATIENT);
        directory.registerKey(keccak256("key"));
        vm.snapshotGasLastCall("records", "registerKey");
    }
}
