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

    function test_registerKey_refusesLowOrderPoints() public {
        bytes32[4] memory bad = [
            bytes32(0x0100000000000000000000000000000000000000000000000000000000000000),
            bytes32(0xe0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800),
            // The same point with the ignored top bit set.
            bytes32(0x5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f11d7),
            bytes32(0xedffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff)
        ];
        for (uint256 i; i < bad.length; ++i) {
            vm.expectRevert(
                abi.encodeWithSelector(IKeyDirectory.KeyDirectoryInvalidKey.selector, bad[i])
            );
            vm.prank(ALICE);
            directory.registerKey(bad[i]);
        }
    }
}
