// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../utils/Test.sol";
import {EmergencyAccess} from "../../src/EmergencyAccess.sol";
import {IEmergencyAccess} from "../../src/IEmergencyAccess.sol";

contract EmergencyAccessTest is Test {
    EmergencyAccess internal emergency;
    address internal constant OWNER = address(0x60);
    address internal constant HOSPITAL = address(0x405);
    address internal constant RESPONDER = address(0xE3);
    address internal constant PATIENT = address(0xA11CE);
    uint32 internal constant CATEGORIES = 0xf; // conditions, medications, allergies, immunizations
    uint40 internal constant START = 1_700_000_000;
    /// keccak256(abi.encode(reason code 2, salt)): what the responder's browser commits to.
    bytes32 internal constant REASON = keccak256(abi.encode(uint8(2), bytes32("salt")));

    function setUp() public {
        vm.warp(START);
        emergency = new EmergencyAccess(OWNER);
        vm.prank(OWNER);
        emergency.setInstitution(HOSPITAL, true);
        vm.prank(HOSPITAL);
        emergency.setResponder(RESPONDER, true);
    }

    function _optIn() internal {
        vm.prank(PATIENT);
        emergency.setPolicy(CATEGORIES, 24 hours);
    }

    function test_registration_ownerThenInstitution() public {
        assertEq(emergency.institutionOf(RESPONDER), HOSPITAL, "responder's institution");
        vm.expectRevert(
            abi.encodeWithSelector(IEmergencyAccess.EmergencyAccessNotOwner.selector, HOSPITAL)
        );
        vm.prank(HOSPITAL);
        emergency.setInstitution(address(0xBAD), true);
        vm.expectRevert(
            abi.encodeWithSelector(
                IEmergencyAccess.EmergencyAccessNotInstitution.selector, RESPONDER
            )
        );
        vm.prank(RESPONDER);
        emergency.setResponder(address(0xBAD), true);

        // Another institution cannot take over or remove this one's responder.
        vm.prank(OWNER);
        emergency.setInstitution(address(0x406), true);
        vm.expectRevert(
            abi.encodeWithSelector(
                IEmergencyAccess.EmergencyAccessIncorrectInstitution.selector, RESPONDER, HOSPITAL
            )
        );
        vm.prank(address(0x406));
        emergency.setResponder(RESPONDER, false);
    }

    function test_breakGlass_refusedWithoutOptIn() public {
        vm.expectRevert(
            abi.encodeWithSelector(IEmergencyAccess.EmergencyAccessNotOptedIn.selector, PATIENT)
        );
        vm.prank(RESPONDER);
        emergency.breakGlass(PATIENT, REASON);
        assertFalse(emergency.canRead(PATIENT, RESPONDER, 0), "nothing readable");
    }

    function test_breakGlass_opensTheOptedInCategoriesForTheWindow() public {
        _optIn();
        vm.expectEmit(true, true, true, true);
        emit IEmergencyAccess.EmergencyAccessOpened(
            PATIENT, RESPONDER, HOSPITAL, REASON, CATEGORIES, START + 24 hours
        );
        vm.prank(RESPONDER);
        emergency.breakGlass(PATIENT, REASON);
        assertTrue(emergency.canRead(PATIENT, RESPONDER, 2), "allergies readable");
        assertFalse(emergency.canRead(PATIENT, RESPONDER, 4), "labs not in the policy");
        assertFalse(emergency.canRead(PATIENT, address(0xBEEF), 2), "only that responder");
        assertEq(emergency.readScope(PATIENT, RESPONDER), CATEGORIES, "the policy's categories");
        assertEq(emergency.readScope(PATIENT, address(0xBEEF)), 0, "nothing for another account");

        vm.expectRevert(
            abi.encodeWithSelector(
                IEmergencyAccess.EmergencyAccessAlreadyOpen.selector, PATIENT, RESPONDER
            )
        );
        vm.prank(RESPONDER);
        emergency.breakGlass(PATIENT, REASON);

        vm.warp(START + 24 hours);
        assertFalse(emergency.canRead(PATIENT, RESPONDER, 2), "window over");
        assertEq(emergency.readScope(PATIENT, RESPONDER), 0, "no scope once over");
    }

    function test_breakGlass_refusesNonRespondersAndMissingReasons() public {
        _optIn();
        vm.expectRevert(
            abi.encodeWithSelector(
                IEmergencyAccess.EmergencyAccessNotResponder.selector, address(this)
            )
        );
        emergency.breakGlass(PATIENT, REASON);
        vm.expectRevert(
            abi.encodeWithSelector(IEmergencyAccess.EmergencyAccessMissingReason.selector)
        );
        vm.prank(RESPONDER);
        emergency.breakGlass(PATIENT, bytes32(0));
    }

    function test_endAccess_byPatientSticks_untilThePatientAllowsAgain() public {
        _optIn();
        vm.prank(RESPONDER);
        emergency.breakGlass(PATIENT, REASON);
        vm.expectEmit(true, true, true, true);
        emit IEmergencyAccess.ResponderBlocked(PATIENT, RESPONDER, true);
        vm.prank(PATIENT);
        emergency.endAccess(PATIENT, RESPONDER);
        assertTrue(emergency.isBlocked(PATIENT, RESPONDER), "blocked");

        // Same block, or days later: the responder cannot reopen it.
        vm.expectRevert(
            abi.encodeWithSelector(
                IEmergencyAccess.EmergencyAccessResponderBlocked.selector, PATIENT, RESPONDER
            )
        );
        vm.prank(RESPONDER);
        emergency.breakGlass(PATIENT, REASON);
        vm.warp(START + 30 days);
        vm.expectRevert(
            abi.encodeWithSelector(
                IEmergencyAccess.EmergencyAccessResponderBlocked.selector, PATIENT, RESPONDER
            )
        );
        vm.prank(RESPONDER);
        emergency.breakGlass(PATIENT, REASON);

        // The responder cannot lift the block: setResponderBlocked only ever speaks for the caller.
        vm.prank(RESPONDER);
        emergency.setResponderBlocked(RESPONDER, false);
        assertTrue(emergency.isBlocked(PATIENT, RESPONDER), "still blocked");

        vm.prank(PATIENT);
        emergency.setResponderBlocked(RESPONDER, false);
        vm.prank(RESPONDER);
        emergency.breakGlass(PATIENT, REASON);
        assertTrue(emergency.canRead(PATIENT, RESPONDER, 0), "allowed again");
    }

    function test_endAccess_byResponderCoolsDownBeforeReopening() public {
        _optIn();
        vm.startPrank(RESPONDER);
        emergency.breakGlass(PATIENT, REASON);
        emergency.endAccess(PATIENT, RESPONDER);
        vm.expectRevert(
            abi.encodeWithSelector(
                IEmergencyAccess.EmergencyAccessCoolingDown.selector,
                PATIENT,
                RESPONDER,
                START + 1 hours
            )
        );
        emergency.breakGlass(PATIENT, REASON);
        vm.warp(START + 1 hours);
        emergency.breakGlass(PATIENT, REASON);
        vm.stopPrank();
        assertFalse(emergency.isBlocked(PATIENT, RESPONDER), "a responder's own end never blocks");
    }

    function test_policyChange_endsEveryOpenWindowAtOnce() public {
        _optIn();
        address second = address(0xE4);
        vm.prank(HOSPITAL);
        emergency.setResponder(second, true);
        vm.prank(RESPONDER);
        emergency.breakGlass(PATIENT, REASON);
        vm.prank(second);
        emergency.breakGlass(PATIENT, REASON);

        // Narrowed to allergies only: both windows end, so nothing outside the new policy reads.
        vm.warp(START + 1 hours);
        vm.expectEmit(true, true, true, true);
        emit IEmergencyAccess.EmergencyPolicySet(PATIENT, 1 << 2, 24 hours);
        vm.prank(PATIENT);
        emergency.setPolicy(1 << 2, 24 hours);
        assertFalse(emergency.canRead(PATIENT, RESPONDER, 0), "conditions closed");
        assertFalse(emergency.canRead(PATIENT, second, 2), "every window ended");
        assertEq(
            emergency.windowOf(PATIENT, second).expiresAt, START + 1 hours, "ended at the change"
        );
        vm.expectRevert(
            abi.encodeWithSelector(
                IEmergencyAccess.EmergencyAccessNotOpen.selector, PATIENT, second
            )
        );
        vm.prank(second);
        emergency.endAccess(PATIENT, second);

        // Under the new policy a responder may break glass again, for its categories only.
        vm.prank(RESPONDER);
        emergency.breakGlass(PATIENT, REASON);
        assertTrue(emergency.canRead(PATIENT, RESPONDER, 2), "allergies");
        assertFalse(emergency.canRead(PATIENT, RESPONDER, 0), "not conditions");

        // Opting out ends it too.
        vm.prank(PATIENT);
        emergency.clearPolicy();
        assertFalse(emergency.canRead(PATIENT, RESPONDER, 2), "opted out");
    }

    function test_endAccess_byPatientEndsAtOnce() public {
        _optIn();
        vm.prank(RESPONDER);
        emergency.breakGlass(PATIENT, REASON);
        vm.expectRevert(
            abi.encodeWithSelector(IEmergencyAccess.EmergencyAccessNotParty.selector, address(this))
        );
        emergency.endAccess(PATIENT, RESPONDER);
        vm.expectEmit(true, true, true, true);
        emit IEmergencyAccess.EmergencyAccessEnded(PATIENT, RESPONDER, PATIENT);
        vm.prank(PATIENT);
        emergency.endAccess(PATIENT, RESPONDER);
        assertFalse(emergency.canRead(PATIENT, RESPONDER, 0), "ended");
        vm.expectRevert(
            abi.encodeWithSelector(
                IEmergencyAccess.EmergencyAccessNotOpen.selector, PATIENT, RESPONDER
            )
        );
        vm.prank(PATIENT);
        emergency.endAccess(PATIENT, RESPONDER);
    }

    function test_deregisteredResponderOrInstitutionLosesAccess() public {
        _optIn();
        vm.prank(RESPONDER);
        emergency.breakGlass(PATIENT, REASON);
        vm.prank(OWNER);
        emergency.setInstitution(HOSPITAL, false);
        assertFalse(emergency.canRead(PATIENT, RESPONDER, 0), "institution deregistered");
        assertEq(emergency.institutionOf(RESPONDER), address(0), "no longer a responder");
    }

    function test_policy_validatedAndClearable() public {
        vm.startPrank(PATIENT);
        vm.expectRevert(
            abi.encodeWithSelector(IEmergencyAccess.EmergencyAccessEmptyScope.selector, PATIENT)
        );
        emergency.setPolicy(0, 24 hours);
        vm.expectRevert(
            abi.encodeWithSelector(
                IEmergencyAccess.EmergencyAccessWindowTooLong.selector, 73 hours, 72 hours
            )
        );
        emergency.setPolicy(1, 73 hours);
        vm.expectRevert(
            abi.encodeWithSelector(
                IEmergencyAccess.EmergencyAccessWindowTooShort.selector, 59 minutes, 1 hours
            )
        );
        emergency.setPolicy(1, 59 minutes);
        emergency.setPolicy(1, 1 hours);
        emergency.clearPolicy();
        vm.stopPrank();
        assertEq(emergency.policyOf(PATIENT).categories, 0, "cleared");
    }

    /// However many responders hold windows, a policy change costs the patient the same.
    function test_policyChange_costsTheSameWithManyOpenWindows() public {
        _optIn();
        vm.prank(RESPONDER);
        emergency.breakGlass(PATIENT, REASON);
        vm.prank(PATIENT);
        uint256 before = gasleft();
        emergency.setPolicy(CATEGORIES, 12 hours);
        uint256 withOne = before - gasleft();
        for (uint160 i = 1; i <= 50; ++i) {
            vm.prank(HOSPITAL);
            emergency.setResponder(address(0xE000 + i), true);
            vm.prank(address(0xE000 + i));
            emergency.breakGlass(PATIENT, REASON);
        }
        vm.prank(PATIENT);
        before = gasleft();
        emergency.setPolicy(CATEGORIES, 24 hours);
        uint256 withFifty = before - gasleft();
        assertTrue(withFifty <= withOne + 100, "constant cost");
        assertFalse(emergency.canRead(PATIENT, address(0xE032), 0), "all fifty ended");
    }

    /// A window never outlives the limit, and nothing is readable without opt-in.
    function testFuzz_windowWithinLimitAndOptInRequired(
        uint32 categories,
        uint32 window,
        bool optIn,
        uint8 category,
        uint32 elapsed
    ) public {
        categories = uint32(bound(categories, 1, type(uint32).max));
        window = uint32(bound(window, 1 hours, 72 hours));
        category = uint8(bound(category, 0, 31));
        if (optIn) {
            vm.prank(PATIENT);
            emergency.setPolicy(categories, window);
        }
        vm.prank(RESPONDER);
        try emergency.breakGlass(PATIENT, REASON) {
            assertTrue(optIn, "opened without opt-in");
            IEmergencyAccess.Window memory w = emergency.windowOf(PATIENT, RESPONDER);
            assertTrue(w.expiresAt - w.openedAt <= emergency.MAX_WINDOW(), "window too long");
        } catch {
            assertFalse(optIn, "refused despite opt-in");
        }
        vm.warp(block.timestamp + elapsed);
        bool readable = emergency.canRead(PATIENT, RESPONDER, category);
        bool expected = optIn && elapsed < window && (categories & (uint32(1) << category)) != 0;
        assertEq(readable ? 1 : 0, expected ? 1 : 0, "readable exactly within window and scope");
    }
}
