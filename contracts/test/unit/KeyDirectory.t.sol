// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../utils/Test.sol";
import {KeyDirectory} from "../../src/KeyDirectory.sol";
import {IKeyDirectory} from "../../src/IKeyDirectory.sol";

contract KeyDirectoryTest is Test {
    KeyDirectory internal directory;
    address internal constant ALICE = address(0xA11CE);

    function setUp() public {
        directory = new KeyDirectory();
    }

    function test_registerKey_storesAndEmits() public {
        vm.expectEmit(true, false, false, true);
        emit IKeyDirectory.EncryptionKeyRegistered(ALICE, bytes32(uint256(7)));
        vm.prank(ALICE);
        directory.registerKey(bytes32(uint256(7)));
        assertTrue(directory.keyOf(ALICE) == bytes32(uint256(7)), "stored");
    }

    function test_registerKey_rotates() public {
        vm.startPrank(ALICE);
        directory.registerKey(bytes32(uint256(7)));
        directory.registerKey(bytes32(uint256(8)));
        vm.stopPrank();
        assertTrue(directory.keyOf(ALICE) == bytes32(uint256(8)), "rotated");
    }

    function test_registerKey_revertsOnZeroKey() public {
        vm.expectRevert(abi.encodeWithSelector(IKeyDirectory.KeyDirectoryZeroKey.selector));
        directory.registerKey(bytes32(0));
    }

    function test_keyOf_zeroWhenUnregistered() public view {
        assertTrue(directory.keyOf(ALICE) == bytes32(0), "none");
    }
}
