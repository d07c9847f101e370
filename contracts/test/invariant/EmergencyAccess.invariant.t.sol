// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../utils/Test.sol";
import {EmergencyAccess} from "../../src/EmergencyAccess.sol";
import {IEmergencyAccess} from "../../src/IEmergencyAccess.sol";
import {EmergencyAccessHandler} from "./handlers/EmergencyAccessHandler.sol";

contract EmergencyAccessInvariantTest is Test {
    EmergencyAccess internal emergency;
    EmergencyAccessHandler internal handler;
    address internal constant OWNER = address(0x60);
    address internal constant HOSPITAL = address(0x405);

    function setUp() public {
        vm.warp(1_700_000_000);
        emergency = new EmergencyAccess(OWNER);
        handler = new EmergencyAccessHandler(emergency);
        vm.prank(OWNER);
        emergency.setInstitution(HOSPITAL, true);
        uint256 responders = handler.RESPONDERS();
        for (uint256 r; r < responders; ++r) {
            // Read the address before pranking: the prank applies to the next external call.
            address responder = handler.responder(r);
            vm.prank(HOSPITAL);
            emergency.setResponder(responder, true);
        }
        targetContract(address(handler));
    }

    /// No emergency window is ever longer than the limit.
    function invariant_windowNeverOutlivesTheLimit() public view {
        for (uint256 p; p < handler.PATIENTS(); ++p) {
            for (uint256 r; r < handler.RESPONDERS(); ++r) {
                IEmergencyAccess.Window memory w =
                    emergency.windowOf(handler.patient(p), handler.responder(r));
                assertTrue(w.expiresAt - w.openedAt <= emergency.MAX_WINDOW(), "window too long");
            }
        }
    }

    /// A patient who never opted in is never readable by break glass.
    function invariant_notOptedInNeverReadable() public view {
        for (uint256 p; p < handler.PATIENTS(); ++p) {
            address patient = handler.patient(p);
            if (handler.everOptedIn(patient)) continue;
            for (uint256 r; r < handler.RESPONDERS(); ++r) {
                assertEq(emergency.readScope(patient, handler.responder(r)), 0, "scope");
                for (uint8 c; c < 9; ++c) {
                    assertFalse(emergency.canRead(patient, handler.responder(r), c), "readable");
                }
            }
        }
    }

    /// A patient's ending sticks, and no window ever reads beyond the patient's current policy
    /// (narrowing or clearing it ends every open window at once).
    function invariant_patientStaysInControl() public view {
        assertEq(handler.reopenedAfterPatientEnded(), 0, "reopened after the patient ended it");
        assertEq(handler.readsOutsidePolicy(), 0, "read outside the current policy");
    }
}
