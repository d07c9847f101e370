// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../utils/Test.sol";
import {AccessRegistry} from "../../src/AccessRegistry.sol";
import {IAccessRegistry} from "../../src/IAccessRegistry.sol";

contract AccessRegistryTest is Test {
    AccessRegistry internal registry;

    address internal constant PATIENT = address(0xA11CE);
    address internal constant OTHER_PATIENT = address(0xB0B);
    address internal constant CLINICIAN = address(0xC11);
    address internal constant SECOND_CLINICIAN = address(0xC12);
    address internal constant THIRD_CLINICIAN = address(0xC13);

    uint32 internal constant CONDITIONS = 1 << 0;
    uint32 internal constant ALLERGIES = 1 << 2;
    IAccessRegistry.Permission internal constant READ = IAccessRegistry.Permission.Read;
    IAccessRegistry.Permission internal constant READ_WRITE = IAccessRegistry.Permission.ReadWrite;

    event AccessUpdated(
        address indexed patient,
        address indexed grantee,
        uint32 categories,
        IAccessRegistry.Permission permission,
        uint40 expiresAt
    );

    function setUp() public {
        registry = new AccessRegistry();
        vm.warp(1_700_000_000);
    }

    function _grant(address patient, address grantee, uint32 categories, uint40 expiresAt)
        internal
    {
        vm.prank(patient);
        registry.grant(patient, grantee, categories, READ, expiresAt);
    }

    // --- grant ---

    function test_grant_storesScopePermissionAndTimes() public {
        vm.prank(PATIENT);
        registry.grant(PATIENT, CLINICIAN, CONDITIONS | ALLERGIES, READ_WRITE, 1_800_000_000);

        IAccessRegistry.GrantView memory g = registry.getGrant(PATIENT, CLINICIAN);
        assertEq(g.counterparty, CLINICIAN, "counterparty");
        assertEq(g.categories, CONDITIONS | ALLERGIES, "categories");
        assertTrue(g.permission == READ_WRITE, "permission");
        assertEq(g.grantedAt, 1_700_000_000, "grantedAt");
        assertEq(g.expiresAt, 1_800_000_000, "expiresAt");
    }

    function test_grant_emitsAccessGranted() public {
        vm.expectEmit(true, true, false, true);
        emit IAccessRegistry.AccessGranted(PATIENT, CLINICIAN, CONDITIONS, READ, 0);
        _grant(PATIENT, CLINICIAN, CONDITIONS, 0);
    }

    function test_grant_again_updatesAndEmitsAccessUpdated() public {
        _grant(PATIENT, CLINICIAN, CONDITIONS, 0);
        vm.warp(1_700_000_100);

        vm.expectEmit(true, true, false, true);
        emit IAccessRegistry.AccessUpdated(PATIENT, CLINICIAN, ALLERGIES, READ_WRITE, 1_900_000_000);
        vm.prank(PATIENT);
        registry.grant(PATIENT, CLINICIAN, ALLERGIES, READ_WRITE, 1_900_000_000);

        IAccessRegistry.GrantView memory g = registry.getGrant(PATIENT, CLINICIAN);
        assertEq(g.categories, ALLERGIES, "scope replaced");
        assertEq(g.grantedAt, 1_700_000_000, "grantedAt kept from the first grant");
        assertEq(registry.granteeCount(PATIENT), 1, "no duplicate in the patient's list");
        assertEq(registry.patientCount(CLINICIAN), 1, "no duplicate in the grantee's list");
    }

    function test_grant_revertsWhenCallerIsNotPatient() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessRegistry.AccessRegistryNotPatient.selector, CLINICIAN, PATIENT
            )
        );
        vm.prank(CLINICIAN);
        registry.grant(PATIENT, CLINICIAN, CONDITIONS, READ, 0);
    }

    function test_grant_revertsOnZeroAddress() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAccessRegistry.AccessRegistryZeroGrantee.selector, PATIENT)
        );
        _grant(PATIENT, address(0), CONDITIONS, 0);
    }

    function test_grant_revertsOnSelfGrant() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAccessRegistry.AccessRegistrySelfGrant.selector, PATIENT)
        );
        _grant(PATIENT, PATIENT, CONDITIONS, 0);
    }

    function test_grant_revertsOnEmptyScope() public {
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.AccessRegistryEmptyScope.selector));
        _grant(PATIENT, CLINICIAN, 0, 0);
    }

    function test_grant_revertsOnPermissionNone() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessRegistry.AccessRegistryInvalidPermission.selector,
                IAccessRegistry.Permission.None
            )
        );
        vm.prank(PATIENT);
        registry.grant(PATIENT, CLINICIAN, CONDITIONS, IAccessRegistry.Permission.None, 0);
    }

    function test_grant_revertsWhenExpiryIsNow() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessRegistry.AccessRegistryExpiryInPast.selector,
                uint40(1_700_000_000),
                1_700_000_000
            )
        );
        _grant(PATIENT, CLINICIAN, CONDITIONS, 1_700_000_000);
    }

    function test_grant_revertsWhenExpired() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessRegistry.AccessRegistryExpiryInPast.selector, uint40(1), 1_700_000_000
            )
        );
        _grant(PATIENT, CLINICIAN, CONDITIONS, 1);
    }

    // --- revoke ---

    function test_revoke_removesGrantFromBothLists() public {
        _grant(PATIENT, CLINICIAN, CONDITIONS, 0);

        vm.expectEmit(true, true, false, true);
        emit IAccessRegistry.AccessRevoked(PATIENT, CLINICIAN);
        vm.prank(PATIENT);
        registry.revoke(PATIENT, CLINICIAN);

        assertTrue(
            registry.getGrant(PATIENT, CLINICIAN).permission == IAccessRegistry.Permission.None,
            "grant gone"
        );
        assertEq(registry.granteeCount(PATIENT), 0, "patient list empty");
        assertEq(registry.patientCount(CLINICIAN), 0, "clinician list empty");
        assertFalse(registry.canRead(PATIENT, CLINICIAN, 0), "no longer reads");
    }

    function test_revoke_fromMiddleKeepsOtherGrantsEnumerable() public {
        _grant(PATIENT, CLINICIAN, CONDITIONS, 0);
        _grant(PATIENT, SECOND_CLINICIAN, CONDITIONS, 0);
        _grant(PATIENT, THIRD_CLINICIAN, ALLERGIES, 0);
        _grant(OTHER_PATIENT, SECOND_CLINICIAN, ALLERGIES, 0);

        vm.prank(PATIENT);
        registry.revoke(PATIENT, CLINICIAN);

        IAccessRegistry.GrantView[] memory page = registry.granteesOf(PATIENT, 0, 10);
        assertEq(page.length, 2, "two left");
        assertEq(page[0].counterparty, THIRD_CLINICIAN, "last moved into the gap");
        assertEq(page[1].counterparty, SECOND_CLINICIAN, "untouched");

        vm.prank(PATIENT);
        registry.revoke(PATIENT, SECOND_CLINICIAN);
        IAccessRegistry.GrantView[] memory patients = registry.patientsOf(SECOND_CLINICIAN, 0, 10);
        assertEq(patients.length, 1, "second clinician keeps the other patient");
        assertEq(patients[0].counterparty, OTHER_PATIENT, "other patient");

        vm.prank(PATIENT);
        registry.revoke(PATIENT, THIRD_CLINICIAN);
        assertEq(registry.granteeCount(PATIENT), 0, "all revoked");
    }

    function test_revoke_thenGrantAgainEmitsAccessGranted() public {
        _grant(PATIENT, CLINICIAN, CONDITIONS, 0);
        vm.prank(PATIENT);
        registry.revoke(PATIENT, CLINICIAN);

        vm.expectEmit(true, true, false, true);
        emit IAccessRegistry.AccessGranted(PATIENT, CLINICIAN, ALLERGIES, READ, 0);
        _grant(PATIENT, CLINICIAN, ALLERGIES, 0);
        assertEq(registry.granteeCount(PATIENT), 1, "listed again");
    }

    function test_revoke_revertsWhenNoGrant() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessRegistry.AccessRegistryNoGrant.selector, PATIENT, CLINICIAN
            )
        );
        vm.prank(PATIENT);
        registry.revoke(PATIENT, CLINICIAN);
    }

    function test_revoke_revertsWhenCallerIsNotPatient() public {
        _grant(PATIENT, CLINICIAN, CONDITIONS, 0);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessRegistry.AccessRegistryNotPatient.selector, CLINICIAN, PATIENT
            )
        );
        vm.prank(CLINICIAN);
        registry.revoke(PATIENT, CLINICIAN);
    }

    // --- canRead / canWrite ---

    function test_canRead_onlyGrantedCategories() public {
        _grant(PATIENT, CLINICIAN, CONDITIONS | ALLERGIES, 0);
        assertTrue(registry.canRead(PATIENT, CLINICIAN, 0), "conditions");
        assertTrue(registry.canRead(PATIENT, CLINICIAN, 2), "allergies");
        assertFalse(registry.canRead(PATIENT, CLINICIAN, 1), "medications not granted");
        assertFalse(registry.canRead(PATIENT, CLINICIAN, 40), "out-of-range category");
        assertFalse(registry.canRead(PATIENT, SECOND_CLINICIAN, 0), "no grant");
    }

    function test_canRead_patientReadsOwnRecords() public view {
        assertTrue(registry.canRead(PATIENT, PATIENT, 5), "own records");
        assertFalse(registry.canRead(address(0), address(0), 5), "zero address reads nothing");
    }

    function test_canRead_falseFromExpiryOn() public {
        _grant(PATIENT, CLINICIAN, CONDITIONS, 1_700_000_100);
        vm.warp(1_700_000_099);
        assertTrue(registry.canRead(PATIENT, CLINICIAN, 0), "before expiry");
        vm.warp(1_700_000_100);
        assertFalse(registry.canRead(PATIENT, CLINICIAN, 0), "at expiry");
        assertEq(registry.granteeCount(PATIENT), 1, "expired grant stays listed until revoked");
    }

    function test_canWrite_needsReadWrite() public {
        _grant(PATIENT, CLINICIAN, CONDITIONS, 0);
        vm.prank(PATIENT);
        registry.grant(PATIENT, SECOND_CLINICIAN, CONDITIONS, READ_WRITE, 1_700_000_100);

        assertFalse(registry.canWrite(PATIENT, CLINICIAN, 0), "read-only");
        assertTrue(registry.canWrite(PATIENT, SECOND_CLINICIAN, 0), "read-write");
        assertFalse(registry.canWrite(PATIENT, SECOND_CLINICIAN, 2), "outside scope");
        assertTrue(registry.canWrite(PATIENT, PATIENT, 2), "own records");
        vm.warp(1_700_000_100);
        assertFalse(registry.canWrite(PATIENT, SECOND_CLINICIAN, 0), "expired");
    }

    // --- views ---

    function test_getGrant_emptyWhenNone() public view {
        IAccessRegistry.GrantView memory g = registry.getGrant(PATIENT, CLINICIAN);
        assertEq(g.counterparty, address(0), "no counterparty");
        assertTrue(g.permission == IAccessRegistry.Permission.None, "none");
    }

    function test_granteesOf_pages() public {
        _grant(PATIENT, CLINICIAN, CONDITIONS, 0);
        _grant(PATIENT, SECOND_CLINICIAN, CONDITIONS, 0);
        _grant(PATIENT, THIRD_CLINICIAN, CONDITIONS, 0);

        assertEq(registry.granteesOf(PATIENT, 0, 2).length, 2, "first page full");
        IAccessRegistry.GrantView[] memory second = registry.granteesOf(PATIENT, 2, 2);
        assertEq(second.length, 1, "second page holds the rest");
        assertEq(second[0].counterparty, THIRD_CLINICIAN, "order of granting");
        assertEq(registry.granteesOf(PATIENT, 3, 2).length, 0, "past the end");
        assertEq(registry.granteesOf(PATIENT, type(uint256).max, 2).length, 0, "huge offset");
    }

    function test_patientsOf_pagesWithPatientAsCounterparty() public {
        _grant(PATIENT, CLINICIAN, CONDITIONS, 0);
        _grant(OTHER_PATIENT, CLINICIAN, ALLERGIES, 0);

        IAccessRegistry.GrantView[] memory page = registry.patientsOf(CLINICIAN, 0, 10);
        assertEq(page.length, 2, "two patients");
        assertEq(page[0].counterparty, PATIENT, "first patient");
        assertEq(page[1].counterparty, OTHER_PATIENT, "second patient");
        assertEq(page[1].categories, ALLERGIES, "its scope");
        assertEq(registry.patientsOf(CLINICIAN, 1, 0).length, 0, "zero limit");
    }

    function test_renounce_letsAGranteeDeclineAGrant() public {
        vm.prank(PATIENT);
        registry.grant(PATIENT, CLINICIAN, 1, IAccessRegistry.Permission.Read, 0);
        vm.expectEmit(true, true, true, true);
        emit IAccessRegistry.AccessRenounced(PATIENT, CLINICIAN);
        vm.prank(CLINICIAN);
        registry.renounce(PATIENT);
        assertFalse(registry.canRead(PATIENT, CLINICIAN, 0), "declined");
        assertEq(registry.patientCount(CLINICIAN), 0, "off the grantee's list");
        assertEq(registry.granteeCount(PATIENT), 0, "off the patient's list");
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessRegistry.AccessRegistryNoGrant.selector, PATIENT, CLINICIAN
            )
        );
        vm.prank(CLINICIAN);
        registry.renounce(PATIENT);
    }

    function test_accept_marksTheGrantAcceptedByTheGranteeOnly() public {
        vm.prank(PATIENT);
        registry.grant(PATIENT, CLINICIAN, 1, IAccessRegistry.Permission.Read, 0);
        assertFalse(registry.getGrant(PATIENT, CLINICIAN).accepted, "not yet accepted");
        vm.expectEmit(true, true, true, true);
        emit IAccessRegistry.AccessAccepted(PATIENT, CLINICIAN);
        vm.prank(CLINICIAN);
        registry.accept(PATIENT);
        assertTrue(registry.getGrant(PATIENT, CLINICIAN).accepted, "accepted");
        // Only the grantee of an existing grant can accept it.
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessRegistry.AccessRegistryNoGrant.selector, PATIENT, SECOND_CLINICIAN
            )
        );
        vm.prank(SECOND_CLINICIAN);
        registry.accept(PATIENT);
    }
}
