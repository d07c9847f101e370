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
        vm.expectRevert(abi.encodeWithSelector(IResearchStudies.ResearchStudiesZeroToken.selector));
        studies.publish(IERC20(address(0)), REWARD, 1, ENDS, 1, META, CONSENT);
        vm.expectRevert(abi.encodeWithSelector(IResearchStudies.ResearchStudiesZeroReward.selector));
        studies.publish(t, 0, 1, ENDS, 1, META, CONSENT);
        vm.expectRevert(abi.encodeWithSelector(IResearchStudies.ResearchStudiesZeroCap.selector));
        studies.publish(t, REWARD, 0, ENDS, 1, META, CONSENT);
        vm.expectRevert(
            abi.encodeWithSelector(IResearchStudies.ResearchStudiesEndInPast.selector, START, START)
        );
        studies.publish(t, REWARD, 1, START, 1, META, CONSENT);
        vm.expectRevert(abi.encodeWithSelector(IResearchStudies.ResearchStudiesEmptyScope.selector));
        studies.publish(t, REWARD, 1, ENDS, 0, META, CONSENT);
        vm.expectRevert(
            abi.encodeWithSelector(IResearchStudies.ResearchStudiesZeroMetadataHash.selector)
        );
        studies.publish(t, REWARD, 1, ENDS, 1, bytes32(0), CONSENT);
        vm.expectRevert(
            abi.encodeWithSelector(IResearchStudies.ResearchStudiesZeroConsentHash.selector)
        );
        studies.publish(t, REWARD, 1, ENDS, 1, META, bytes32(0));
        vm.stopPrank();
    }

    function test_fund_onlyResearcherAddsToEscrow() public {
        uint256 id = _publish(10);
        vm.expectRevert(
            abi.encodeWithSelector(
                IResearchStudies.ResearchStudiesNotResearcher.selector, id, OTHER
            )
        );
        vm.prank(OTHER);
        studies.fund(id, 1);
        vm.expectRevert(
            abi.encodeWithSelector(IResearchStudies.ResearchStudiesZeroAmount.selector, id)
        );
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
            abi.encodeWithSelector(
                IResearchStudies.ResearchStudiesAlreadyEnrolled.selector, id, PATIENT
            )
        );
        vm.prank(PATIENT);
        studies.enrol(id, CONSENT);
    }

    function test_enrol_refusesWrongConsentFullClosedEndedAndUnknown() public {
        uint256 id = _publish(1);
        bytes32 wrong = keccak256("another document");
        vm.expectRevert(
            abi.encodeWithSelector(
                IResearchStudies.ResearchStudiesConsentMismatch.selector, id, wrong
            )
        );
        vm.prank(PATIENT);
        studies.enrol(id, wrong);

        vm.prank(PATIENT);
        studies.enrol(id, CONSENT);
        vm.expectRevert(abi.encodeWithSelector(IResearchStudies.ResearchStudiesFull.selector, id));
        vm.prank(OTHER);
        studies.enrol(id, CONSENT);

        vm.expectRevert(
            abi.encodeWithSelector(IResearchStudies.ResearchStudiesNotFound.selector, 99)
        );
        studies.enrol(99, CONSENT);

        uint256 second = _publish(5);
        vm.warp(ENDS);
        vm.expectRevert(
            abi.encodeWithSelector(IResearchStudies.ResearchStudiesEnded.selector, second, ENDS)
        );
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
            abi.encodeWithSelector(IResearchStudies.ResearchStudiesWithdrawn.selector, id, PATIENT)
        );
        vm.prank(PATIENT);
        studies.withdraw(id);

        vm.prank(PATIENT);
        studies.claim(id);
        assertEq(token.balanceOf(PATIENT), REWARD, "earned reward still paid");

        // A withdrawn patient cannot enrol again or contribute.
        vm.expectRevert(
            abi.encodeWithSelector(IResearchStudies.ResearchStudiesWithdrawn.selector, id, PATIENT)
        );
        vm.prank(PATIENT);
        studies.enrol(id, CONSENT);
    }

    function test_contribute_needsEnrolmentAndHappensOnce() public {
        uint256 id = _funded(100e6);
        vm.expectRevert(
            abi.encodeWithSelector(
                IResearchStudies.ResearchStudiesNotEnrolled.selector, id, PATIENT
            )
        );
        vm.prank(PATIENT);
        studies.contribute(id, DATA);

        vm.startPrank(PATIENT);
        studies.enrol(id, CONSENT);
        vm.expectRevert(
            abi.encodeWithSelector(IResearchStudies.ResearchStudiesZeroContentHash.selector, id)
        );
        studies.contribute(id, bytes32(0));
        vm.expectEmit(true, true, true, true);
        emit IResearchStudies.ContributionSubmitted(id, PATIENT, DATA);
        studies.contribute(id, DATA);
        vm.expectRevert(
            abi.encodeWithSelector(
                IResearchStudies.ResearchStudiesAlreadyContributed.selector, id, PATIENT
            )
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
            abi.encodeWithSelector(IResearchStudies.ResearchStudiesWithdrawn.selector, id, PATIENT)
        );
        studies.contribute(id, DATA);
        vm.stopPrank();
    }

    function test_contribute_reservesTheRewardOrIsRefused() public {
        uint256 id = _funded(30e6);
        _contributed(id, PATIENT);
        assertEq(studies.getStudy(id).escrow, 5e6, "reward taken from escrow");
        assertEq(studies.getStudy(id).reserved, REWARD, "and reserved");

        // The escrow cannot cover a second reward: the data is not taken without it.
        vm.startPrank(OTHER);
        studies.enrol(id, CONSENT);
        vm.expectRevert(
            abi.encodeWithSelector(
                IResearchStudies.ResearchStudiesInsufficientEscrow.selector, id, REWARD, 5e6
            )
        );
        studies.contribute(id, DATA);
        vm.stopPrank();
    }

    function test_review_acceptMakesReservedRewardClaimableRejectReleasesIt() public {
        uint256 id = _funded(50e6);
        _contributed(id, PATIENT);
        _contributed(id, OTHER);

        vm.expectRevert(
            abi.encodeWithSelector(
                IResearchStudies.ResearchStudiesNotResearcher.selector, id, PATIENT
            )
        );
        vm.prank(PATIENT);
        studies.review(id, PATIENT, true);

        vm.expectEmit(true, true, true, true);
        emit IResearchStudies.ContributionReviewed(id, PATIENT, true);
        vm.prank(RESEARCHER);
        studies.review(id, PATIENT, true);
        assertEq(studies.getStudy(id).reserved, REWARD, "one reward still reserved");
        assertEq(studies.getStudy(id).accepted, 1, "accepted");

        vm.expectEmit(true, true, true, true);
        emit IResearchStudies.RewardReleased(id, OTHER, REWARD);
        vm.prank(RESEARCHER);
        studies.review(id, OTHER, false);
        assertEq(studies.getStudy(id).reserved, 0, "nothing reserved");
        assertEq(studies.getStudy(id).escrow, REWARD, "rejected reward back in escrow");
        assertTrue(
            studies.participationOf(id, OTHER).contribution
                == IResearchStudies.Contribution.Rejected,
            "rejected"
        );
        vm.expectRevert(
            abi.encodeWithSelector(
                IResearchStudies.ResearchStudiesAlreadyReviewed.selector, id, OTHER
            )
        );
        vm.prank(RESEARCHER);
        studies.review(id, OTHER, true);
    }

    function test_withdraw_beforeReviewRetractsReleasesAndFreesTheSlot() public {
        vm.prank(RESEARCHER);
        uint256 id = studies.publish(IERC20(address(token)), REWARD, 1, ENDS, 0x13, META, CONSENT);
        vm.prank(RESEARCHER);
        studies.fund(id, REWARD);
        _contributed(id, PATIENT);

        vm.expectEmit(true, true, true, true);
        emit IResearchStudies.RewardReleased(id, PATIENT, REWARD);
        vm.prank(PATIENT);
        studies.withdraw(id);
        IResearchStudies.ParticipationView memory p = studies.participationOf(id, PATIENT);
        assertTrue(p.contribution == IResearchStudies.Contribution.None, "retracted");
        assertTrue(p.contributionHash == bytes32(0), "no hash to serve");
        assertEq(studies.getStudy(id).escrow, REWARD, "reward back in escrow");
        assertEq(studies.getStudy(id).enrolled, 0, "slot freed");

        // The single slot is free again for someone who stays.
        _contributed(id, OTHER);
        assertEq(studies.getStudy(id).enrolled, 1, "taken by another patient");
    }

    function test_withdraw_afterAcceptanceKeepsTheSlot() public {
        uint256 id = _funded(100e6);
        _contributed(id, PATIENT);
        vm.prank(RESEARCHER);
        studies.review(id, PATIENT, true);
        vm.prank(PATIENT);
        studies.withdraw(id);
        assertEq(studies.getStudy(id).enrolled, 1, "a paid contribution keeps its slot");
    }

    function test_claim_paysOnceAndOnlyAccepted() public {
        uint256 id = _funded(100e6);
        _contributed(id, PATIENT);
        vm.expectRevert(
            abi.encodeWithSelector(
                IResearchStudies.ResearchStudiesNothingToClaim.selector, id, PATIENT
            )
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
            abi.encodeWithSelector(
                IResearchStudies.ResearchStudiesAlreadyClaimed.selector, id, PATIENT
            )
        );
        vm.prank(PATIENT);
        studies.claim(id);
    }

    function test_close_refundsOnlyUnreservedEscrowAndFreezesTheStudy() public {
        uint256 id = _funded(100e6);
        _contributed(id, PATIENT);
        vm.prank(RESEARCHER);
        studies.review(id, PATIENT, true);
        _contributed(id, OTHER);

        // 100 − 25 (accepted) − 25 (reserved for OTHER, awaiting review) = 50.
        uint256 before = token.balanceOf(RESEARCHER);
        vm.expectEmit(true, true, true, true);
        emit IResearchStudies.StudyClosed(id, 50e6);
        vm.prank(RESEARCHER);
        studies.close(id);
        assertEq(token.balanceOf(RESEARCHER) - before, 50e6, "refund");
        assertTrue(studies.getStudy(id).closed, "closed");

        vm.startPrank(RESEARCHER);
        vm.expectRevert(
            abi.encodeWithSelector(IResearchStudies.ResearchStudiesAlreadyClosed.selector, id)
        );
        studies.fund(id, 1);
        vm.expectRevert(
            abi.encodeWithSelector(IResearchStudies.ResearchStudiesAlreadyClosed.selector, id)
        );
        studies.close(id);
        vm.expectRevert(
            abi.encodeWithSelector(IResearchStudies.ResearchStudiesNothingToReclaim.selector, id)
        );
        studies.reclaim(id);
        vm.stopPrank();
        vm.expectRevert(
            abi.encodeWithSelector(IResearchStudies.ResearchStudiesAlreadyClosed.selector, id)
        );
        vm.prank(address(0xCAFE));
        studies.enrol(id, CONSENT);

        // The accepted reward was reserved before close: still claimable.
        vm.prank(PATIENT);
        studies.claim(id);
        assertEq(token.balanceOf(PATIENT), REWARD, "earned before close");

        // What was awaiting review still gets an answer; a rejection's reward is reclaimable.
        vm.startPrank(RESEARCHER);
        studies.review(id, OTHER, false);
        before = token.balanceOf(RESEARCHER);
        vm.expectEmit(true, true, true, true);
        emit IResearchStudies.EscrowReclaimed(id, REWARD);
        studies.reclaim(id);
        vm.stopPrank();
        assertEq(token.balanceOf(RESEARCHER) - before, REWARD, "reclaimed");
        assertEq(token.balanceOf(address(studies)), 0, "nothing left behind");
    }

    function test_close_cannotTakeBackTheRewardOfSubmittedData() public {
        uint256 id = _funded(REWARD);
        _contributed(id, PATIENT);
        vm.prank(RESEARCHER);
        studies.close(id);
        assertEq(token.balanceOf(address(studies)), REWARD, "reward still held for the patient");
        vm.prank(RESEARCHER);
        studies.review(id, PATIENT, true);
        vm.prank(PATIENT);
        studies.claim(id);
        assertEq(token.balanceOf(PATIENT), REWARD, "paid after close");
    }

    function test_reclaim_onlyResearcherAfterClose() public {
        uint256 id = _funded(100e6);
        vm.expectRevert(
            abi.encodeWithSelector(IResearchStudies.ResearchStudiesNotClosed.selector, id)
        );
        vm.prank(RESEARCHER);
        studies.reclaim(id);
        vm.expectRevert(
            abi.encodeWithSelector(
                IResearchStudies.ResearchStudiesNotResearcher.selector, id, OTHER
            )
        );
        vm.prank(OTHER);
        studies.reclaim(id);
    }

    function test_views_unknownStudyReverts() public {
        vm.expectRevert(
            abi.encodeWithSelector(IResearchStudies.ResearchStudiesNotFound.selector, 7)
        );
        studies.getStudy(7);
        vm.expectRevert(
            abi.encodeWithSelector(IResearchStudies.ResearchStudiesNotFound.selector, 7)
        );
        studies.withdraw(7);
    }
}
