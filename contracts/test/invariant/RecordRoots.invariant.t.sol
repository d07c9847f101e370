// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../utils/Test.sol";
import {AccessRegistry} from "../../src/AccessRegistry.sol";
import {RecordRoots} from "../../src/RecordRoots.sol";
import {RecordRootsHandler} from "./handlers/RecordRootsHandler.sol";

contract RecordRootsInvariantTest is Test {
    RecordRoots internal roots;
    RecordRootsHandler internal handler;

    function setUp() public {
        vm.warp(1_700_000_000);
        AccessRegistry registry = new AccessRegistry();
        roots = new RecordRoots(registry);
        handler = new RecordRootsHandler(registry, roots);
        targetContract(address(handler));
    }

    /// Only the patient or a live read-and-add grantee ever anchors, and they always can.
    function invariant_anchorsExactlyWhenAllowed() public view {
        assertEq(handler.unauthorizedAnchors(), 0, "an anchor succeeded without permission");
        assertEq(handler.refusedAllowedAnchors(), 0, "a permitted anchor was refused");
    }

    /// Replaying the accepted anchors, with the scope the grants gave, yields each patient's head:
    /// what a reader does with the events to know it has every root.
    function invariant_headIsTheReplayOfEveryAnchor() public view {
        for (uint256 p; p < handler.ACTORS(); ++p) {
            assertEq(roots.headOf(handler.actor(p)), handler.ghostHead(p), "head");
        }
    }
}
