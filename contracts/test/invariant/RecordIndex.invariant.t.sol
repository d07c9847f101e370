// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../utils/Test.sol";
import {AccessRegistry} from "../../src/AccessRegistry.sol";
import {RecordIndex} from "../../src/RecordIndex.sol";
import {RecordIndexHandler} from "./handlers/RecordIndexHandler.sol";

contract RecordIndexInvariantTest is Test {
    RecordIndex internal index;
    RecordIndexHandler internal handler;

    function setUp() public {
        vm.warp(1_700_000_000);
        AccessRegistry registry = new AccessRegistry();
        index = new RecordIndex(registry);
        handler = new RecordIndexHandler(registry, index);
        targetContract(address(handler));
    }

    /// Only the patient or a live read-write grantee in scope ever anchors, and they always can.
    function invariant_anchorsExactlyWhenAllowed() public view {
        assertEq(handler.unauthorizedAnchors(), 0, "an anchor succeeded without permission");
        assertEq(handler.refusedAllowedAnchors(), 0, "a permitted anchor was refused");
    }

    /// Each patient's index holds exactly the records anchored for them, each findable by hash.
    function invariant_indexMatchesAnchoredRecords() public view {
        for (uint256 p; p < handler.ACTORS(); ++p) {
            address patient = handler.actor(p);
            assertEq(index.recordCount(patient), handler.ghostRecords(p), "record count");
            RecordIndex.RecordView[] memory records = index.recordsOf(patient, 0, 1000);
            for (uint256 i; i < records.length; ++i) {
                assertEq(
                    index.recordByHash(patient, records[i].contentHash).author,
                    records[i].author,
                    "by hash"
                );
            }
        }
    }
}
