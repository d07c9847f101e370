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

    /// Windows that opened although the patient had ended that responder's access and not
    /// allowed them again.
    uint256 public reopenedAfterPatientEnded;
    mapping(address patient => mapping(address responder => bool)) internal _endedByPatient;

    function breakGlass(uint256 r, uint256 p, bytes32 reason) external {
        address who = patient(bound(p, 0, PATIENTS - 1));
        address by = responder(bound(r, 0, RESPONDERS - 1));
        if (reason == bytes32(0)) reason = keccak256("reason");
        vm.prank(by);
        try emergency.breakGlass(who, reason) {
            if (_endedByPatient[who][by]) reopenedAfterPatientEnded += 1;
        } catch {}
    }

    function end(uint256 r, uint256 p, bool byPatient) external {
        address who = patient(bound(p, 0, PATIENTS - 1));
        address by = responder(bound(r, 0, RESPONDERS - 1));
        vm.prank(byPatient ? who : by);
        try emergency.endAccess(who, by) {
            if (byPatient) _endedByPatient[who][by] = true;
        } catch {}
    }

    function allowAgain(uint256 r, uint256 p) external {
        address who = patient(bound(p, 0, PATIENTS - 1));
        address by = responder(bound(r, 0, RESPONDERS - 1));
        vm.prank(who);
        emergency.setResponderBlocked(by, false);
        _endedByPatient[who][by] = false;
    }

    /// Open windows that read a category outside the patient's current policy.
    function readsOutsidePolicy() external view returns (uint256 count) {
        for (uint256 p; p < PATIENTS; ++p) {
            uint32 allowed = emergency.policyOf(patient(p)).categories;
            for (uint256 r; r < RESPONDERS; ++r) {
                for (uint8 c; c < 32; ++c) {
                    if ((allowed & (uint32(1) << c)) != 0) continue;
                    if (emergency.canRead(patient(p), responder(r), c)) ++count;
                }
            }
        }
    }

    function wait(uint256 time) external {
        vm.warp(block.timestamp + bound(time, 1 minutes, 2 days));
    }
}
