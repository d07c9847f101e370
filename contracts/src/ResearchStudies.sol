// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {IResearchStudies} from "./IResearchStudies.sol";

/// @title ResearchStudies
/// @notice Consent, contributions and escrowed rewards for research studies. The contract holds
/// exactly the sum of every study's escrow, every reward reserved for a contribution awaiting
/// review and every accepted, unclaimed reward: it never pays more than was deposited, never twice
/// for one contribution, and a submitted contribution's reward cannot be taken back by closing.
contract ResearchStudies is IResearchStudies, ReentrancyGuard {
    using SafeERC20 for IERC20;

    struct Study {
        address researcher;
        uint40 endsAt;
        uint32 categories;
        bool closed;
        IERC20 token;
        uint32 cap;
        uint32 enrolled;
        uint32 accepted;
        uint128 reward;
        uint128 escrow;
        bytes32 metadataHash;
        bytes32 consentHash;
        uint128 reserved;
    }

    struct Participation {
        Enrolment enrolment;
        Contribution contribution;
        bool claimed;
        uint40 enrolledAt;
        bytes32 contributionHash;
    }

    uint256 private _studyCount;
    mapping(uint256 studyId => Study) private _studies;
    mapping(uint256 studyId => mapping(address patient => Participation)) private _participation;

    function _study(uint256 studyId) private view returns (Study storage study) {
        study = _studies[studyId];
        if (study.researcher == address(0)) revert ResearchStudiesNotFound(studyId);
    }

    function _researcherStudy(uint256 studyId) private view returns (Study storage study) {
        study = _study(studyId);
        if (msg.sender != study.researcher) {
            revert ResearchStudiesNotResearcher(studyId, msg.sender);
        }
        if (study.closed) revert ResearchStudiesAlreadyClosed(studyId);
    }

    function _openStudy(uint256 studyId) private view returns (Study storage study) {
        study = _study(studyId);
        if (study.closed) revert ResearchStudiesAlreadyClosed(studyId);
        if (block.timestamp >= study.endsAt) revert ResearchStudiesEnded(studyId, study.endsAt);
    }

    /// @inheritdoc IResearchStudies
    function publish(
        IERC20 token,
        uint128 reward,
        uint32 cap,
        uint40 endsAt,
        uint32 categories,
        bytes32 metadataHash,
        bytes32 consentHash
    ) external returns (uint256 studyId) {
        if (address(token) == address(0)) revert ResearchStudiesZeroToken();
        if (reward == 0) revert ResearchStudiesZeroReward();
        if (cap == 0) revert ResearchStudiesZeroCap();
        if (endsAt <= block.timestamp) revert ResearchStudiesEndInPast(endsAt, block.timestamp);
        if (categories == 0) revert ResearchStudiesEmptyScope();
        if (metadataHash == bytes32(0)) revert ResearchStudiesZeroMetadataHash();
        if (consentHash == bytes32(0)) revert ResearchStudiesZeroConsentHash();
        studyId = ++_studyCount;
        _studies[studyId] = Study({
            researcher: msg.sender,
            endsAt: endsAt,
            categories: categories,
            closed: false,
            token: token,
            cap: cap,
            enrolled: 0,
            accepted: 0,
            reward: reward,
            escrow: 0,
            metadataHash: metadataHash,
            consentHash: consentHash,
            reserved: 0
        });
        emit StudyPublished(
            studyId, msg.sender, token, reward, cap, endsAt, categories, metadataHash, consentHash
        );
    }

    /// @inheritdoc IResearchStudies
    function fund(uint256 studyId, uint128 amount) external nonReentrant {
        Study storage study = _researcherStudy(studyId);
        if (amount == 0) revert ResearchStudiesZeroAmount(studyId);
        // Credit what actually arrived, so a fee-charging token cannot inflate the escrow.
        IERC20 token = study.token;
        uint256 before = token.balanceOf(address(this));
        token.safeTransferFrom(msg.sender, address(this), amount);
        // The balance moved by one transfer of a uint128 `amount`: only a token that mints more
        // than 3.4e38 units into this contract on a transfer could overflow, and then only this
        // researcher's own study would be credited less than it received.
        // forge-lint: disable-next-line(unsafe-typecast)
        uint128 received = uint128(token.balanceOf(address(this)) - before);
        study.escrow += received;
        emit StudyFunded(studyId, received);
    }

    /// @inheritdoc IResearchStudies
    function enrol(uint256 studyId, bytes32 consentHash) external {
        Study storage study = _openStudy(studyId);
        if (consentHash != study.consentHash) {
            revert ResearchStudiesConsentMismatch(studyId, consentHash);
        }
        Participation storage participation = _participation[studyId][msg.sender];
        Enrolment enrolment = participation.enrolment;
        if (enrolment != Enrolment.None) {
            if (enrolment == Enrolment.Withdrawn) {
                revert ResearchStudiesWithdrawn(studyId, msg.sender);
            }
            revert ResearchStudiesAlreadyEnrolled(studyId, msg.sender);
        }
        if (study.enrolled >= study.cap) revert ResearchStudiesFull(studyId);
        study.enrolled += 1;
        participation.enrolment = Enrolment.Enrolled;
        participation.enrolledAt = uint40(block.timestamp);
        emit Enrolled(studyId, msg.sender, consentHash);
    }

    /// @inheritdoc IResearchStudies
    function withdraw(uint256 studyId) external {
        Study storage study = _study(studyId);
        Participation storage participation = _participation[studyId][msg.sender];
        Enrolment enrolment = participation.enrolment;
        if (enrolment != Enrolment.Enrolled) {
            if (enrolment == Enrolment.Withdrawn) {
                revert ResearchStudiesWithdrawn(studyId, msg.sender);
            }
            revert ResearchStudiesNotEnrolled(studyId, msg.sender);
        }
        participation.enrolment = Enrolment.Withdrawn;
        Contribution contribution = participation.contribution;
        // Withdrawn consent frees the slot (no sybil fill), unless a contribution was paid for.
        if (contribution != Contribution.Accepted) study.enrolled -= 1;
        emit ConsentWithdrawn(studyId, msg.sender);
        if (contribution == Contribution.Submitted) {
            participation.contribution = Contribution.None;
            participation.contributionHash = bytes32(0);
            _release(studyId, study, msg.sender);
        }
    }

    /// @dev A reserved reward goes back to escrow (reclaimable by the researcher once closed).
    function _release(uint256 studyId, Study storage study, address patient) private {
        uint128 reward = study.reward;
        study.reserved -= reward;
        study.escrow += reward;
        emit RewardReleased(studyId, patient, reward);
    }

    /// @inheritdoc IResearchStudies
    function contribute(uint256 studyId, bytes32 contentHash) external {
        Study storage study = _openStudy(studyId);
        if (contentHash == bytes32(0)) revert ResearchStudiesZeroContentHash(studyId);
        Participation storage participation = _participation[studyId][msg.sender];
        Enrolment enrolment = participation.enrolment;
        if (enrolment != Enrolment.Enrolled) {
            if (enrolment == Enrolment.Withdrawn) {
                revert ResearchStudiesWithdrawn(studyId, msg.sender);
            }
            revert ResearchStudiesNotEnrolled(studyId, msg.sender);
        }
        if (participation.contribution != Contribution.None) {
            revert ResearchStudiesAlreadyContributed(studyId, msg.sender);
        }
        uint128 reward = study.reward;
        if (study.escrow < reward) {
            revert ResearchStudiesInsufficientEscrow(studyId, reward, study.escrow);
        }
        study.escrow -= reward;
        study.reserved += reward;
        participation.contribution = Contribution.Submitted;
        participation.contributionHash = contentHash;
        emit ContributionSubmitted(studyId, msg.sender, contentHash);
    }

    /// @inheritdoc IResearchStudies
    function review(uint256 studyId, address patient, bool accept) external {
        // Also after close: what was submitted before it still deserves an answer.
        Study storage study = _study(studyId);
        if (msg.sender != study.researcher) {
            revert ResearchStudiesNotResearcher(studyId, msg.sender);
        }
        Participation storage participation = _participation[studyId][patient];
        Contribution contribution = participation.contribution;
        if (contribution != Contribution.Submitted) {
            if (contribution == Contribution.None) {
                revert ResearchStudiesNothingToReview(studyId, patient);
            }
            revert ResearchStudiesAlreadyReviewed(studyId, patient);
        }
        if (accept) {
            study.reserved -= study.reward;
            study.accepted += 1;
            participation.contribution = Contribution.Accepted;
            emit ContributionReviewed(studyId, patient, true);
        } else {
            participation.contribution = Contribution.Rejected;
            emit ContributionReviewed(studyId, patient, false);
            _release(studyId, study, patient);
        }
    }

    /// @inheritdoc IResearchStudies
    function claim(uint256 studyId) external nonReentrant {
        Study storage study = _study(studyId);
        Participation storage participation = _participation[studyId][msg.sender];
        if (participation.contribution != Contribution.Accepted) {
            revert ResearchStudiesNothingToClaim(studyId, msg.sender);
        }
        if (participation.claimed) revert ResearchStudiesAlreadyClaimed(studyId, msg.sender);
        participation.claimed = true;
        uint128 reward = study.reward;
        emit RewardClaimed(studyId, msg.sender, reward);
        study.token.safeTransfer(msg.sender, reward);
    }

    /// @inheritdoc IResearchStudies
    function close(uint256 studyId) external nonReentrant {
        Study storage study = _researcherStudy(studyId);
        uint128 refund = study.escrow;
        study.closed = true;
        study.escrow = 0;
        emit StudyClosed(studyId, refund);
        if (refund > 0) study.token.safeTransfer(msg.sender, refund);
    }

    /// @inheritdoc IResearchStudies
    function reclaim(uint256 studyId) external nonReentrant {
        Study storage study = _study(studyId);
        if (msg.sender != study.researcher) {
            revert ResearchStudiesNotResearcher(studyId, msg.sender);
        }
        if (!study.closed) revert ResearchStudiesNotClosed(studyId);
        uint128 amount = study.escrow;
        if (amount == 0) revert ResearchStudiesNothingToReclaim(studyId);
        study.escrow = 0;
        emit EscrowReclaimed(studyId, amount);
        study.token.safeTransfer(msg.sender, amount);
    }

    /// @inheritdoc IResearchStudies
    function studyCount() external view returns (uint256) {
        return _studyCount;
    }

    /// @inheritdoc IResearchStudies
    function getStudy(uint256 studyId) external view returns (StudyView memory) {
        Study storage s = _study(studyId);
        return StudyView({
            researcher: s.researcher,
            token: s.token,
            reward: s.reward,
            escrow: s.escrow,
            reserved: s.reserved,
            cap: s.cap,
            enrolled: s.enrolled,
            accepted: s.accepted,
            categories: s.categories,
            endsAt: s.endsAt,
            closed: s.closed,
            metadataHash: s.metadataHash,
            consentHash: s.consentHash
        });
    }

    /// @inheritdoc IResearchStudies
    function participationOf(uint256 studyId, address patient)
        external
        view
        returns (ParticipationView memory)
    {
        Participation storage p = _participation[studyId][patient];
        return
            ParticipationView(
                p.enrolment, p.contribution, p.claimed, p.enrolledAt, p.contributionHash
            );
    }
}
