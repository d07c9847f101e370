// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Test} from "../utils/Test.sol";
import {ResearchStudies} from "../../src/ResearchStudies.sol";
import {IResearchStudies} from "../../src/IResearchStudies.sol";
import {DemoStableToken} from "../../src/local/DemoStableToken.sol";

contract ResearchStudiesFuzzTest is Test {
    ResearchStudies internal studies;
    DemoStableToken internal token;
    address internal constant RESEARCHER = address(0x5EA);
    bytes32 internal constant CONSENT = keccak256("consent");

    function setUp() public {
        vm.warp(1_700_000_000);
        studies = new ResearchStudies();
        token = new DemoStableToken(RESEARCHER, type(uint128).max);
        vm.prank(RESEARCHER);
        token.approve(address(studies), type(uint256).max);
    }

    /// However deposits, rewards and acceptances fall, payouts plus refund equal the deposit.
    function testFuzz_neverPaysMoreThanDeposited(uint128 deposit, uint128 reward, uint8 patients)
        public
    {
        deposit = uint128(bound(deposit, 1, 1e30));
        reward = uint128(bound(reward, 1, 1e30));
        patients = uint8(bound(patients, 1, 12));
        vm.startPrank(RESEARCHER);
        uint256 id = studies.publish(
            IERC20(address(token)),
            reward,
            patients,
            uint40(block.timestamp + 1 days),
            1,
            CONSENT,
            CONSENT
        );
        studies.fund(id, deposit);
        vm.stopPrank();

        uint256 paid;
        for (uint160 i = 1; i <= patients; ++i) {
            address patient = address(0x7000 + i);
            vm.startPrank(patient);
            studies.enrol(id, CONSENT);
            // The reward is reserved at submission: refused only when the escrow is short.
            try studies.contribute(id, bytes32(uint256(i))) {
                vm.stopPrank();
                vm.prank(RESEARCHER);
                studies.review(id, patient, true);
                vm.prank(patient);
                studies.claim(id);
                paid += reward;
            } catch {
                vm.stopPrank();
                assertTrue(studies.getStudy(id).escrow < reward, "refused only when short");
            }
        }
        uint256 before = token.balanceOf(RESEARCHER);
        vm.prank(RESEARCHER);
        studies.close(id);
        uint256 refund = token.balanceOf(RESEARCHER) - before;
        assertEq(paid + refund, deposit, "paid + refunded = deposited");
        assertEq(token.balanceOf(address(studies)), 0, "nothing stuck");
    }

    /// Enrolments and withdrawals in any order never hold more than the cap, and every
    /// withdrawal of an unpaid participant frees their slot.
    function testFuzz_withdrawnSlotsAreFreed(uint32 cap, uint256 pattern) public {
        cap = uint32(bound(cap, 1, 8));
        vm.prank(RESEARCHER);
        uint256 id = studies.publish(
            IERC20(address(token)), 1, cap, uint40(block.timestamp + 1 days), 1, CONSENT, CONSENT
        );
        uint256 holding;
        for (uint160 i = 1; i <= 24; ++i) {
            address patient = address(0x9000 + i);
            vm.startPrank(patient);
            try studies.enrol(id, CONSENT) {
                ++holding;
                if ((pattern >> i) & 1 == 1) {
                    studies.withdraw(id);
                    --holding;
                }
            } catch {
                assertEq(holding, cap, "refused only when full");
            }
            vm.stopPrank();
            assertEq(studies.getStudy(id).enrolled, holding, "enrolled = holding");
            assertTrue(holding <= cap, "never above the cap");
        }
    }

    /// Enrolment never exceeds the cap, whatever the order of arrivals.
    function testFuzz_enrolmentNeverExceedsCap(uint32 cap, uint8 arrivals) public {
        cap = uint32(bound(cap, 1, 20));
        arrivals = uint8(bound(arrivals, 1, 40));
        vm.prank(RESEARCHER);
        uint256 id = studies.publish(
            IERC20(address(token)), 1, cap, uint40(block.timestamp + 1 days), 1, CONSENT, CONSENT
        );
        for (uint160 i = 1; i <= arrivals; ++i) {
            vm.prank(address(0x8000 + i));
            try studies.enrol(id, CONSENT) {} catch {}
        }
        uint256 expected = arrivals < cap ? arrivals : cap;
        assertEq(studies.getStudy(id).enrolled, expected, "enrolled");
    }
}
