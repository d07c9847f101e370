// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Test} from "../utils/Test.sol";
import {FeeToken} from "../utils/FeeToken.sol";
import {ResearchStudies} from "../../src/ResearchStudies.sol";
import {IResearchStudies} from "../../src/IResearchStudies.sol";
import {DemoStableToken} from "../../src/local/DemoStableToken.sol";

contract ResearchStudiesTest is Test {
    ResearchStudies internal studies;
    DemoStableToken internal token;

    address internal constant RESEARCHER = address(0x5EA);
    address internal constant PATIENT = address(0xA11CE);
    address internal constant OTHER = address(0xB0B);
    bytes32 internal constant META = keccak256("metadata");
    bytes32 internal constant CONSENT = keccak256("consent");
    bytes32 internal constant DATA = keccak256("contribution");
    uint128 internal constant REWARD = 25e6;
    uint40 internal constant START = 1_700_000_000;
    uint40 internal constant ENDS = START + 30 days;

    function setUp() public {
        vm.warp(START);
        studies = new ResearchStudies();
        token = new DemoStableToken(RESEARCHER, 1_000e6);
        vm.prank(RESEARCHER);
        token.approve(address(studies), type(uint256).max);
    }

    function _publish(uint32 cap) internal returns (uint256 id) {
        vm.prank(RESEARCHER);
        id = studies.publish(IERC20(address(token)), REWARD, cap, ENDS, 0x13, META, CONSENT);
    }

    function _funded(uint128 amount) internal returns (uint256 id) {
        id = _publish(10);
        vm.prank(RESEARCHER);
        studies.fund(id, amount);
    }

    function _contributed(uint256 id, address patient) internal {
        vm.startPrank(patient);
        studies.enrol(id, CONSENT);
        studies.contribute(id, DATA);
        vm.stopPrank();
    }

    function test_publish_storesStudyAndEmits() public {
        vm.expectEmit(true, true, true, true);
        emit IResearchStudies.StudyPublished(
            1, RESEARCHER, IERC20(address(token)), REWARD, 5, ENDS, 0x13, META, CONSENT
        );
        uint256 id = _publish(5);
        assertEq(id, 1, "first id");
        assertEq(studies.studyCount(), 1, "count");
        IResearchStudies.StudyView memory s = studies.getStudy(id);
        assertEq(s.researcher, RESEARCHER, "researcher");
        assertEq(s.cap, 5, "cap");
        assertTrue(s.consentHash == CONSENT && s.metadataHash == META, "hashes");
    }

    function test_publish_refusesInvalidStudies() public {
        vm.startPrank(RESEARCHER);
        IERC20 t = IERC20(address(token));
        vm.expectRevert(abi.encodeWithSelector(IResearchStudies.StudyInvalid.selector));
        studies.publish(IERC20(address(0)), REWARD, 1, ENDS, 1, META, CONSENT);
        vm.expectRevert(abi.encodeWithSelector(IResearchStudies.StudyInvalid.selector));
        studies.publish(t, 0, 1, ENDS, 1, META, CONSENT);
        vm.expectRevert(abi.encodeWithSelector(IResearchStudies.StudyInvalid.selector));
        studies.publish(t, REWARD, 0, ENDS, 1, META, CONSENT);
        vm.expectRevert(abi.encodeWithSelector(IResearchStudies.StudyInvalid.selector));
        studies.publish(t, REWARD, 1, START, 1, META, CONSENT);
        vm.expectRevert(abi.encodeWithSelector(IResearchStudies.StudyInvalid.selector));
        studies.publish(t, REWARD, 1, ENDS, 0, META, CONSENT);
        vm.expectRevert(abi.encodeWithSelector(IResearchStudies.StudyInvalid.selector));
        studies.publish(t, REWARD, 1, ENDS, 1, bytes32(0), CONSENT);
        vm.expectRevert(abi.encodeWithSelector(IResearchStudies.StudyInvalid.selector));
        studies.publish(t, REWARD, 1, ENDS, 1, META, bytes32(0));
        vm.stopPrank();
    }

    function test_fund_onlyResearcherAddsToEscrow() public {
        uint256 id = _publish(10);
        vm.expectRevert(
            abi.encodeWithSelector(IResearchStudies.StudyNotResearcher.selector, id, OTHER)
        );
        vm.prank(OTHER);
        studies.fund(id, 1);
        vm.expectRevert(abi.encodeWithSelector(IResearchStudies.StudyZeroValue.selector));
        vm.prank(RESEARCHER);
        studies.fund(id, 0);
        vm.expectEmit(true, true, true, true);
        emit IResearchStudies.StudyFunded(id, 100e6);
        vm.prank(RESEARCHER);
        studies.fund(id, 100e6);
        assertEq(studies.getStudy(id).escrow, 100e6, "escrow");
        assertEq(token.balanceOf(address(studies)), 100e6, "held");
    }

    function test_fund_creditsOnlyWhatArrives() public {
        FeeToken fee = new FeeToken(RESEARCHER, 1_000e6);
        vm.startPrank(RESEARCHER);
        fee.approve(address(studies), type(uint256).max);
        uint256 id = studies.publish(IERC20(address(fee)), REWARD, 1, ENDS, 1, META, CONSENT);
        studies.fund(id, 100e6);
        vm.stopPrank();
        assertEq(studies.getStudy(id).escrow, 99e6, "1% fee not credited");
        assertEq(fee.balanceOf(address(studies)), 99e6, "held");
    }

    function test_enrol_recordsConsentOnce() public {
        uint256 id = _publish(10);
        vm.expectEmit(true, true, true, true);
        emit IResearchStudies.Enrolled(id, PATIENT, CONSENT);
        vm.prank(PATIENT);
        studies.enrol(id, CONSENT);
        IResearchStudies.ParticipationView memory p = studies.participationOf(id, PATIENT);
        assertTrue(p.enrolment == IResearchStudies.Enrolment.Enrolled, "enrolled");
        assertEq(p.enrolledAt, START, "time");
        assertEq(studies.getStudy(id).enrolled, 1, "count");

        vm.expectRevert(
            abi.encodeWithSelector(IResearchStudies.StudyAlreadyEnrolled.selector, id, PATIENT)
        );
        vm.prank(PATIENT);
        studies.enrol(id, CONSENT);
    }

    function test_enrol_refusesWrongConsentFullClosedEndedAndUnknown() public {
        uint256 id = _publish(1);
        bytes32 wrong = keccak256("another document");
        vm.expectRevert(
            abi.encodeWithSelector(IResearchStudies.StudyConsentMismatch.selector, id, wrong)
        );
        vm.prank(PATIENT);
        studies.enrol(id, wrong);

        vm.prank(PATIENT);
        studies.enrol(id, CONSENT);
        vm.expectRevert(abi.encodeWithSelector(IResearchStudies.StudyFull.selector, id));
        vm.prank(OTHER);
        studies.enrol(id, CONSENT);

        vm.expectRevert(abi.encodeWithSelector(IResearchStudies.StudyNotFound.selector, 99));
        studies.enrol(99, CONSENT);

        uint256 second = _publish(5);
        vm.warp(ENDS);
        vm.expectRevert(abi.encodeWithSelector(IResearchStudies.StudyNotOpen.selector, second));
        vm.prank(OTHER);
        studies.enrol(second, CONSENT);
    }

    function test_withdraw_stopsContributionsButKeepsEarnedRewards() public {
        uint256 id = _funded(100e6);
        _contributed(id, PATIENT);
        vm.prank(RESEARCHER);
        studies.review(id, PATIENT, true);

        vm.expectEmit(true, true, true, true);
        emit IResearchStudies.ConsentWithdrawn(id, PATIENT);
        vm.prank(PATIENT);
        studies.withdraw(id);
        vm.expectRevert(
            abi.encodeWithSelector(IResearchStudies.StudyNotEnrolled.selector, id, PATIENT)
        );
        vm.prank(PATIENT);
        studies.withdraw(id);

        vm.prank(PATIENT);
        studies.claim(id);
        assertEq(token.balanceOf(PATIENT), REWARD, "earned reward still paid");

        // A withdrawn patient cannot enrol again or contribute.
        vm.expectRevert(
            abi.encodeWithSelector(IResearchStudies.StudyAlreadyEnrolled.selector, id, PATIENT)
        );
        vm.prank(PATIENT);
        studies.enrol(id, CONSENT);
    }

    function test_contribute_needsEnrolmentAndHappensOnce() public {
        uint256 id = _publish(10);
        vm.expectRevert(
            abi.encodeWithSelector(IResearchStudies.StudyNotEnrolled.selector, id, PATIENT)
        );
        vm.prank(PATIENT);
        studies.contribute(id, DATA);

        vm.startPrank(PATIENT);
        studies.enrol(id, CONSENT);
        vm.expectRevert(abi.encodeWithSelector(IResearchStudies.StudyZeroValue.selector));
        studies.contribute(id, bytes32(0));
        vm.expectEmit(true, true, true, true);
        emit IResearchStudies.ContributionSubmitted(id, PATIENT, DATA);
        studies.contribute(id, DATA);
        vm.expectRevert(
            abi.encodeWithSelector(IResearchStudies.StudyAlreadyContributed.selector, id, PATIENT)
        );
        studies.contribute(id, DATA);
        vm.stopPrank();
        assertTrue(studies.participationOf(id, PATIENT).contributionHash == DATA, "anchored");
    }

    function test_contribute_refusedAfterWithdrawal() public {
        uint256 id = _publish(10);
        vm.startPrank(PATIENT);
        studies.enrol(id, CONSENT);
        studies.withdraw(id);
        vm.expectRevert(
            abi.encodeWithSelector(IResearchStudies.StudyNotEnrolled.selector, id, PATIENT)
        );
        studies.contribute(id, DATA);
        vm.stopPrank();
    }

    function test_review_acceptReservesRewardRejectDoesNot() public {
        uint256 id = _funded(30e6);
        _contributed(id, PATIENT);
        _contributed(id, OTHER);

        vm.expectRevert(
            abi.encodeWithSelector(IResearchStudies.StudyNotResearcher.selector, id, PATIENT)
        );
        vm.prank(PATIENT);
        studies.review(id, PATIENT, true);

        vm.expectEmit(true, true, true, true);
        emit IResearchStudies.ContributionReviewed(id, PATIENT, true);
        vm.prank(RESEARCHER);
        studies.review(id, PATIENT, true);
        assertEq(studies.getStudy(id).escrow, 5e6, "reward reserved");
        assertEq(studies.getStudy(id).accepted, 1, "accepted");

        // Not enough left for a second reward: accepting is refused, rejecting is fine.
        vm.expectRevert(
            abi.encodeWithSelector(
                IResearchStudies.StudyInsufficientEscrow.selector, id, REWARD, 5e6
            )
        );
        vm.prank(RESEARCHER);
        studies.review(id, OTHER, true);
        vm.prank(RESEARCHER);
        studies.review(id, OTHER, false);
        assertTrue(
            studies.participationOf(id, OTHER).contribution
                == IResearchStudies.Contribution.Rejected,
            "rejected"
        );
        vm.expectRevert(
            abi.encodeWithSelector(IResearchStudies.StudyNothingToReview.selector, id, OTHER)
        );
        vm.prank(RESEARCHER);
        studies.review(id, OTHER, true);
    }

    function test_claim_paysOnceAndOnlyAccepted() public {
        uint256 id = _funded(100e6);
        _contributed(id, PATIENT);
        vm.expectRevert(
            abi.encodeWithSelector(IResearchStudies.StudyNothingToClaim.selector, id, PATIENT)
        );
        vm.prank(PATIENT);
        studies.claim(id);

        vm.prank(RESEARCHER);
        studies.review(id, PATIENT, true);
        vm.expectEmit(true, true, true, true);
        emit IResearchStudies.RewardClaimed(id, PATIENT, REWARD);
        vm.prank(PATIENT);
        studies.claim(id);
        assertEq(token.balanceOf(PATIENT), REWARD, "paid");
        assertTrue(studies.participationOf(id, PATIENT).claimed, "claimed");

        vm.expectRevert(
            abi.encodeWithSelector(IResearchStudies.StudyNothingToClaim.selector, id, PATIENT)
        );
        vm.prank(PATIENT);
        studies.claim(id);
    }

    function test_close_refundsUnreservedEscrowAndFreezesTheStudy() public {
        uint256 id = _funded(100e6);
        _contributed(id, PATIENT);
        vm.prank(RESEARCHER);
        studies.review(id, PATIENT, true);
        _contributed(id, OTHER);

        uint256 before = token.balanceOf(RESEARCHER);
        vm.expectEmit(true, true, true, true);
        emit IResearchStudies.StudyClosed(id, 75e6);
        vm.prank(RESEARCHER);
        studies.close(id);
        assertEq(token.balanceOf(RESEARCHER) - before, 75e6, "refund");
        assertTrue(studies.getStudy(id).closed, "closed");

        vm.startPrank(RESEARCHER);
        vm.expectRevert(abi.encodeWithSelector(IResearchStudies.StudyIsClosed.selector, id));
        studies.review(id, OTHER, true);
        vm.expectRevert(abi.encodeWithSelector(IResearchStudies.StudyIsClosed.selector, id));
        studies.fund(id, 1);
        vm.expectRevert(abi.encodeWithSelector(IResearchStudies.StudyIsClosed.selector, id));
        studies.close(id);
        vm.stopPrank();
        vm.expectRevert(abi.encodeWithSelector(IResearchStudies.StudyNotOpen.selector, id));
        vm.prank(address(0xCAFE));
        studies.enrol(id, CONSENT);

        // The accepted reward was reserved before close: still claimable.
        vm.prank(PATIENT);
        studies.claim(id);
        assertEq(token.balanceOf(PATIENT), REWARD, "earned before close");
        assertEq(token.balanceOf(address(studies)), 0, "nothing left behind");
    }

    function test_views_unknownStudyReverts() public {
        vm.expectRevert(abi.encodeWithSelector(IResearchStudies.StudyNotFound.selector, 7));
        studies.getStudy(7);
        vm.expectRevert(abi.encodeWithSelector(IResearchStudies.StudyNotFound.selector, 7));
        studies.withdraw(7);
    }
}
