// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../utils/Test.sol";
import {AccessRegistry} from "../../src/AccessRegistry.sol";
import {IAccessRegistry} from "../../src/IAccessRegistry.sol";

contract CaregiversTest is Test {
    AccessRegistry internal registry;
    address internal constant PATIENT = address(0xA11CE);
    address internal constant CAREGIVER = address(0xCA4E);
    address internal constant CLINICIAN = address(0xC11);
    uint40 internal constant START = 1_700_000_000;

    function setUp() public {
        vm.warp(START);
        registry = new AccessRegistry();
    }

    function _appoint() internal {
        vm.prank(PATIENT);
        registry.appointCaregiver(CAREGIVER, START + 30 days);
    }

    function test_appoint_emitsAndExpires() public {
        vm.expectEmit(true, true, true, true);
        emit IAccessRegistry.CaregiverAppointed(PATIENT, CAREGIVER, START + 30 days);
        _appoint();
        assertTrue(registry.isCaregiver(PATIENT, CAREGIVER), "appointed");
        vm.warp(START + 30 days);
        assertFalse(registry.isCaregiver(PATIENT, CAREGIVER), "expired");
    }

    function test_appoint_refusesZeroSelfAndPastExpiry() public {
        vm.startPrank(PATIENT);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessRegistry.AccessRegistryZeroCaregiver.selector, PATIENT)
        );
        registry.appointCaregiver(address(0), START + 1);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessRegistry.AccessRegistrySelfAppointment.selector, PATIENT)
        );
        registry.appointCaregiver(PATIENT, START + 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessRegistry.AccessRegistryAppointmentExpiryInPast.selector, START, START
            )
        );
        registry.appointCaregiver(CAREGIVER, START);
        vm.stopPrank();
    }

    function test_caregiver_grantsAndRevokesForThePatient_recordedAsSuch() public {
        _appoint();
        vm.expectEmit(true, true, true, true);
        emit IAccessRegistry.ActedByCaregiver(PATIENT, CAREGIVER, CLINICIAN);
        vm.prank(CAREGIVER);
        registry.grant(PATIENT, CLINICIAN, 1, IAccessRegistry.Permission.Read, 0);
        assertTrue(registry.canRead(PATIENT, CLINICIAN, 0), "granted for the patient");

        vm.expectEmit(true, true, true, true);
        emit IAccessRegistry.ActedByCaregiver(PATIENT, CAREGIVER, CLINICIAN);
        vm.prank(CAREGIVER);
        registry.revoke(PATIENT, CLINICIAN);
        assertFalse(registry.canRead(PATIENT, CLINICIAN, 0), "revoked for the patient");
    }

    function test_caregiver_cannotActAfterRemovalOrExpiry_norAppointCaregivers() public {
        _appoint();
        // Appointing only ever appoints for the caller: the caregiver cannot add one for the patient.
        vm.prank(CAREGIVER);
        registry.appointCaregiver(address(0xBAD), START + 1 days);
        assertFalse(registry.isCaregiver(PATIENT, address(0xBAD)), "no caregiver of a caregiver");

        vm.expectEmit(true, true, true, true);
        emit IAccessRegistry.CaregiverRemoved(PATIENT, CAREGIVER);
        vm.prank(PATIENT);
        registry.removeCaregiver(CAREGIVER);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessRegistry.AccessRegistryNotPatient.selector, CAREGIVER, PATIENT
            )
        );
        vm.prank(CAREGIVER);
        registry.grant(PATIENT, CLINICIAN, 1, IAccessRegistry.Permission.Read, 0);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessRegistry.AccessRegistryNotCaregiver.selector, PATIENT, CAREGIVER
            )
        );
        vm.prank(PATIENT);
        registry.removeCaregiver(CAREGIVER);

        _appoint();
        vm.warp(START + 30 days);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessRegistry.AccessRegistryNotPatient.selector, CAREGIVER, PATIENT
            )
        );
        vm.prank(CAREGIVER);
        registry.grant(PATIENT, CLINICIAN, 1, IAccessRegistry.Permission.Read, 0);
    }

    function test_caregiver_cannotGrantToThemselves() public {
        _appoint();
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessRegistry.AccessRegistryCaregiverSelfGrant.selector, CAREGIVER
            )
        );
        vm.prank(CAREGIVER);
        registry.grant(PATIENT, CAREGIVER, 1, IAccessRegistry.Permission.Read, 0);
    }

    function test_caregiverGrant_endsNoLaterThanTheAppointment() public {
        _appoint();
        vm.expectEmit(true, true, true, true);
        emit IAccessRegistry.AccessGranted(
            PATIENT, CLINICIAN, 1, IAccessRegistry.Permission.Read, START + 30 days
        );
        vm.prank(CAREGIVER);
        registry.grant(PATIENT, CLINICIAN, 1, IAccessRegistry.Permission.Read, 0);
        assertEq(registry.getGrant(PATIENT, CLINICIAN).expiresAt, START + 30 days, "capped");
        vm.warp(START + 30 days);
        assertFalse(registry.canRead(PATIENT, CLINICIAN, 0), "ended with the appointment");
    }

    function test_caregiverGrant_endsWhenTheCaregiverIsRemoved_andStaysEnded() public {
        _appoint();
        address sockPuppet = address(0x50C);
        vm.prank(CAREGIVER);
        registry.grant(PATIENT, sockPuppet, 1, IAccessRegistry.Permission.Read, 0);
        vm.warp(START + 1 days);
        vm.prank(PATIENT);
        registry.removeCaregiver(CAREGIVER);
        assertFalse(registry.canRead(PATIENT, sockPuppet, 0), "ended at removal");
        assertTrue(
            registry.getGrant(PATIENT, sockPuppet).expiresAt <= START + 1 days,
            "the view says it has ended"
        );

        // Appointed again later: what was granted in the earlier term does not come back.
        vm.prank(PATIENT);
        registry.appointCaregiver(CAREGIVER, START + 60 days);
        assertFalse(registry.canRead(PATIENT, sockPuppet, 0), "not revived");
    }

    function test_caregiverGrant_survivesAnExtendedAppointment_andAPatientsOwnGrant() public {
        _appoint();
        vm.prank(CAREGIVER);
        registry.grant(PATIENT, CLINICIAN, 1, IAccessRegistry.Permission.Read, 0);
        // Extending a live appointment keeps the caregiver's grants (same term).
        vm.prank(PATIENT);
        registry.appointCaregiver(CAREGIVER, START + 90 days);
        assertTrue(registry.canRead(PATIENT, CLINICIAN, 0), "kept");
        // The patient re-grants in their own name: it no longer depends on the caregiver.
        vm.prank(PATIENT);
        registry.grant(PATIENT, CLINICIAN, 1, IAccessRegistry.Permission.Read, 0);
        vm.prank(PATIENT);
        registry.removeCaregiver(CAREGIVER);
        assertTrue(registry.canRead(PATIENT, CLINICIAN, 0), "the patient's own grant stands");
    }

    function test_caregiverEdit_ofAPatientsGrant_staysThePatients() public {
        vm.prank(PATIENT);
        registry.grant(PATIENT, CLINICIAN, 0x3, IAccessRegistry.Permission.Read, 0);
        _appoint();
        // The caregiver narrows it for the patient.
        vm.prank(CAREGIVER);
        registry.grant(PATIENT, CLINICIAN, 0x1, IAccessRegistry.Permission.Read, 0);
        assertEq(registry.getGrant(PATIENT, CLINICIAN).expiresAt, 0, "not tied to the appointment");
        vm.prank(PATIENT);
        registry.removeCaregiver(CAREGIVER);
        assertTrue(
            registry.canRead(PATIENT, CLINICIAN, 0), "the patient's grant outlives the caregiver"
        );
        assertFalse(registry.canRead(PATIENT, CLINICIAN, 1), "narrowed as the caregiver asked");
    }

    function test_caregiverEdit_thatWidensAPatientsGrant_isTheCaregiversAndEndsWithThem() public {
        vm.prank(PATIENT);
        registry.grant(PATIENT, CLINICIAN, 0x1, IAccessRegistry.Permission.Read, START + 1 days);
        _appoint();
        // Widened to everything, read and add, for ever: that reach is the caregiver's.
        vm.prank(CAREGIVER);
        registry.grant(PATIENT, CLINICIAN, 0x1ff, IAccessRegistry.Permission.ReadWrite, 0);
        assertEq(registry.getGrant(PATIENT, CLINICIAN).expiresAt, START + 30 days, "capped");
        vm.prank(PATIENT);
        registry.removeCaregiver(CAREGIVER);
        assertFalse(registry.canRead(PATIENT, CLINICIAN, 0), "ended with the caregiver");
    }

    /// A caregiver acts exactly while appointed and unexpired, whatever the timing.
    function testFuzz_caregiverActsOnlyWhileAppointed(uint32 lifetime, uint32 elapsed, bool removed)
        public
    {
        lifetime = uint32(bound(lifetime, 1, 365 days));
        vm.prank(PATIENT);
        registry.appointCaregiver(CAREGIVER, START + lifetime);
        if (removed) {
            vm.prank(PATIENT);
            registry.removeCaregiver(CAREGIVER);
        }
        vm.warp(START + uint256(elapsed));
        bool allowed = !removed && elapsed < lifetime;
        vm.prank(CAREGIVER);
        try registry.grant(PATIENT, CLINICIAN, 1, IAccessRegistry.Permission.Read, 0) {
            assertTrue(allowed, "acted after removal or expiry");
        } catch {
            assertFalse(allowed, "refused while appointed");
        }
    }
}
