// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../utils/Test.sol";
import {AccessRegistry} from "../../src/AccessRegistry.sol";
import {CaregiverHandler} from "./handlers/CaregiverHandler.sol";

contract CaregiverInvariantTest is Test {
    CaregiverHandler internal handler;

    function setUp() public {
        vm.warp(1_700_000_000);
        handler = new CaregiverHandler(new AccessRegistry());
        targetContract(address(handler));
    }

    /// A caregiver never acts after removal or expiry, and always can while appointed.
    function invariant_caregiverActsExactlyWhileAppointed() public view {
        assertEq(handler.actsOutsideAppointment(), 0, "acted outside an appointment");
        assertEq(handler.refusedAppointedActs(), 0, "refused while appointed");
    }

    /// A caregiver never grants to themselves, and nothing a caregiver granted reads once their
    /// appointment has ended (by removal or expiry), even if they are appointed again.
    function invariant_caregiverReachEndsWithTheAppointment() public view {
        assertEq(handler.selfGrantsByCaregivers(), 0, "caregiver granted to self");
        assertEq(handler.caregiverGrantsOutlivingAppointment(), 0, "grant outlived appointment");
    }
}
