// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../../utils/Test.sol";
import {EmergencyAccess} from "../../../src/EmergencyAccess.sol";

/// @dev Patients opting in and out, responders breaking glass, windows ended, time passing.
contract EmergencyAccessHandler is Test {
    EmergencyAccess public immutable emergency;
    uint256 public constant PATIENTS = 3;
    uint256 public constant RESPONDERS = 2;
    mapping(address patient => bool) public everOptedIn;

    constructor(EmergencyAccess emergency_) {
        emergency = emergency_;
    }

    function patient(uint256 i) public pure returns (address) {
        return address(uint160(0x7100 + i));
    }

    function responder(uint256 i) public pure returns (address) {
        return address(uint160(0x7200 + i));
    }

    function optIn(uint256 p, uint32 categories, uint32 window) external {
        address who = patient(bound(p, 0, PATIENTS - 1));
        categories = uint32(bound(categories, 1, type(uint32).max));
        window = uint32(bound(window, 1 hours, 72 hours));
        vm.prank(who);
        emergency.setPolicy(categories, window);
        everOptedIn[who] = true;
    }

    function optOut(uint256 p) external {
        vm.prank(patient(bound(p, 0, PATIENTS - 1)));
        emergency.clearPolicy();
    }

    function breakGlass(uint256 r, uint256 p, uint8 reason) external {
        vm.prank(responder(bound(r, 0, RESPONDERS - 1)));
        try emergency.breakGlass(patient(bound(p, 0, PATIENTS - 1)), uint8(bound(reason, 1, 4))) {}
            catch {}
    }

    function end(uint256 r, uint256 p) external {
        address who = patient(bound(p, 0, PATIENTS - 1));
        vm.prank(who);
        try emergency.endAccess(who, responder(bound(r, 0, RESPONDERS - 1))) {} catch {}
    }

    function wait(uint256 time) external {
        vm.warp(block.timestamp + bound(time, 1 minutes, 2 days));
    }
}
