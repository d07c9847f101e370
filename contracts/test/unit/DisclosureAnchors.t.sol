// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../utils/Test.sol";
import {DisclosureAnchors} from "../../src/DisclosureAnchors.sol";
import {IDisclosureAnchors} from "../../src/IDisclosureAnchors.sol";

contract DisclosureAnchorsTest is Test {
    DisclosureAnchors internal anchors;
    address internal constant OPERATOR = address(0x0BE);

    function setUp() public {
        anchors = new DisclosureAnchors(OPERATOR);
    }

    function test_anchor_recordsAndEmits() public {
        vm.expectEmit(true, true, true, true);
        emit IDisclosureAnchors.LogAnchored(10, keccak256("head"));
        vm.prank(OPERATOR);
        anchors.anchor(10, keccak256("head"));
        (uint64 count, bytes32 head) = anchors.latest();
        assertEq(count, 10, "count");
        assertTrue(head == keccak256("head"), "head");
    }

    function test_anchor_onlyOperatorForwardNonZero() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IDisclosureAnchors.DisclosureAnchorsNotOperator.selector, address(this)
            )
        );
        anchors.anchor(1, keccak256("x"));
        vm.startPrank(OPERATOR);
        vm.expectRevert(
            abi.encodeWithSelector(IDisclosureAnchors.DisclosureAnchorsZeroHead.selector)
        );
        anchors.anchor(1, bytes32(0));
        anchors.anchor(5, keccak256("five"));
        vm.expectRevert(
            abi.encodeWithSelector(IDisclosureAnchors.DisclosureAnchorsNotForward.selector, 5, 5)
        );
        anchors.anchor(5, keccak256("again"));
        vm.stopPrank();
    }

    /// Anchors only ever move forward, whatever the sequence of attempts.
    function testFuzz_anchorsOnlyMoveForward(uint64[8] memory counts) public {
        uint64 highest;
        vm.startPrank(OPERATOR);
        for (uint256 i; i < counts.length; ++i) {
            try anchors.anchor(counts[i], keccak256(abi.encode(i))) {
                assertTrue(counts[i] > highest, "went backwards");
                highest = counts[i];
            } catch {
                assertTrue(counts[i] <= highest, "refused a forward anchor");
            }
        }
        vm.stopPrank();
        (uint64 count,) = anchors.latest();
        assertEq(count, highest, "latest is the highest");
    }
}
