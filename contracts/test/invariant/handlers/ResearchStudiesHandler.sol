// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Test} from "../../utils/Test.sol";
import {ResearchStudies} from "../../../src/ResearchStudies.sol";
import {IResearchStudies} from "../../../src/IResearchStudies.sol";
import {DemoStableToken} from "../../../src/local/DemoStableToken.sol";

/// @dev Acts as several researchers and patients: publish, fund, enrol, withdraw, contribute,
/// review, claim, close and time passing, keeping ghost totals of every token movement.
contract ResearchStudiesHandler is Test {
    ResearchStudies public immutable studies;
    DemoStableToken public immutable token;
    uint256 public constant RESEARCHERS = 2;
    uint256 public constant PATIENTS = 5;
    bytes32 internal constant CONSENT = keccak256("consent");

    uint256 public ghostDeposits;
    uint256 public ghostPayouts;
    uint256 public ghostRefunds;
    /// Contributions that succeeded from a patient who was not enrolled (withdrawn or never).
    uint256 public contributionsWithoutConsent;
    /// Claims that paid a contribution a second time.
    uint256 public doubleClaims;
    mapping(uint256 studyId => mapping(address patient => bool)) internal _paid;

    constructor(ResearchStudies studies_, DemoStableToken token_) {
        studies = studies_;
        token = token_;
        for (uint256 r; r < RESEARCHERS; ++r) {
            vm.prank(researcher(r));
            token.approve(address(studies), type(uint256).max);
        }
    }

    function researcher(uint256 i) public pure returns (address) {
        return address(uint160(0x5000 + i));
    }

    function patient(uint256 i) public pure returns (address) {
        return address(uint160(0x6000 + i));
    }

    function _studyId(uint256 seed) internal view returns (uint256) {
        uint256 count = studies.studyCount();
        return count == 0 ? 0 : bound(seed, 1, count);
    }

    function publish(uint256 r, uint128 reward, uint32 cap) external {
        r = bound(r, 0, RESEARCHERS - 1);
        reward = uint128(bound(reward, 1, 50e6));
        cap = uint32(bound(cap, 1, PATIENTS));
        vm.prank(researcher(r));
        studies.publish(
            IERC20(address(token)),
            reward,
            cap,
            uint40(block.timestamp + 20 days),
            1,
            keccak256("m"),
            CONSENT
        );
    }

    function fund(uint256 seed, uint128 amount) external {
        uint256 id = _studyId(seed);
        if (id == 0) return;
        IResearchStudies.StudyView memory s = studies.getStudy(id);
        amount = uint128(bound(amount, 1, 200e6));
        if (s.closed || token.balanceOf(s.researcher) < amount) return;
        vm.prank(s.researcher);
        studies.fund(id, amount);
        ghostDeposits += amount;
    }

    function enrol(uint256 seed, uint256 p) external {
        uint256 id = _studyId(seed);
        if (id == 0) return;
        vm.prank(patient(bound(p, 0, PATIENTS - 1)));
        try studies.enrol(id, CONSENT) {} catch {}
    }

    function withdraw(uint256 seed, uint256 p) external {
        uint256 id = _studyId(seed);
        if (id == 0) return;
        vm.prank(patient(bound(p, 0, PATIENTS - 1)));
        try studies.withdraw(id) {} catch {}
    }

    function contribute(uint256 seed, uint256 p, bytes32 contentHash) external {
        uint256 id = _studyId(seed);
        if (id == 0) return;
        address who = patient(bound(p, 0, PATIENTS - 1));
        IResearchStudies.Enrolment before = studies.participationOf(id, who).enrolment;
        vm.prank(who);
        try studies.contribute(id, contentHash) {
            if (before != IResearchStudies.Enrolment.Enrolled) contributionsWithoutConsent += 1;
        } catch {}
    }

    function review(uint256 seed, uint256 p, bool accept) external {
        uint256 id = _studyId(seed);
        if (id == 0) return;
        vm.prank(studies.getStudy(id).researcher);
        try studies.review(id, patient(bound(p, 0, PATIENTS - 1)), accept) {} catch {}
    }

    function claim(uint256 seed, uint256 p) external {
        uint256 id = _studyId(seed);
        if (id == 0) return;
        address who = patient(bound(p, 0, PATIENTS - 1));
        uint256 before = token.balanceOf(who);
        vm.prank(who);
        try studies.claim(id) {
            if (_paid[id][who]) doubleClaims += 1;
            _paid[id][who] = true;
            ghostPayouts += token.balanceOf(who) - before;
        } catch {}
    }

    function close(uint256 seed) external {
        uint256 id = _studyId(seed);
        if (id == 0) return;
        address owner = studies.getStudy(id).researcher;
        uint256 before = token.balanceOf(owner);
        vm.prank(owner);
        try studies.close(id) {
            ghostRefunds += token.balanceOf(owner) - before;
        } catch {}
    }

    function reclaim(uint256 seed) external {
        uint256 id = _studyId(seed);
        if (id == 0) return;
        address owner = studies.getStudy(id).researcher;
        uint256 before = token.balanceOf(owner);
        vm.prank(owner);
        try studies.reclaim(id) {
            ghostRefunds += token.balanceOf(owner) - before;
        } catch {}
    }

    function wait(uint256 time) external {
        vm.warp(block.timestamp + bound(time, 1 hours, 10 days));
    }

    /// What the contract still owes: every study's escrow, a reserved reward for every
    /// contribution awaiting review, and accepted, unclaimed rewards.
    function owed() external view returns (uint256 total) {
        for (uint256 id = 1; id <= studies.studyCount(); ++id) {
            IResearchStudies.StudyView memory s = studies.getStudy(id);
            total += s.escrow;
            for (uint256 p; p < PATIENTS; ++p) {
                IResearchStudies.ParticipationView memory part =
                    studies.participationOf(id, patient(p));
                if (part.contribution == IResearchStudies.Contribution.Submitted) {
                    total += s.reward;
                }
                if (part.contribution == IResearchStudies.Contribution.Accepted && !part.claimed) {
                    total += s.reward;
                }
            }
        }
    }

    /// Every study's reserve is exactly one reward per contribution awaiting review, and its
    /// enrolment count is exactly its patients who are enrolled or withdrew after being paid.
    function reservesAndSlotsMatch() external view returns (bool) {
        for (uint256 id = 1; id <= studies.studyCount(); ++id) {
            IResearchStudies.StudyView memory s = studies.getStudy(id);
            uint256 submitted;
            uint256 holding;
            for (uint256 p; p < PATIENTS; ++p) {
                IResearchStudies.ParticipationView memory part =
                    studies.participationOf(id, patient(p));
                if (part.contribution == IResearchStudies.Contribution.Submitted) ++submitted;
                if (
                    part.enrolment == IResearchStudies.Enrolment.Enrolled
                        || part.contribution == IResearchStudies.Contribution.Accepted
                ) ++holding;
            }
            if (s.reserved != submitted * s.reward || s.enrolled != holding) return false;
        }
        return true;
    }
}
