// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @title IResearchStudies
/// @notice Research studies with on-chain consent, anchored de-identified contributions and
/// escrowed ERC-20 rewards paid by pull. Titles, purposes and consent texts live off-chain; only
/// their hashes are here. A contribution is the SHA-256 of an encrypted, de-identified extract.
interface IResearchStudies {
    /// @notice A patient's consent in one study.
    enum Enrolment {
        None,
        Enrolled,
        Withdrawn
    }

    /// @notice A patient's contribution to one study.
    enum Contribution {
        None,
        Submitted,
        Accepted,
        Rejected
    }

    /// @notice One study, as returned by `getStudy`.
    struct StudyView {
        address researcher;
        IERC20 token;
        uint128 reward;
        uint128 escrow;
        /// @dev Rewards set aside for submitted contributions awaiting review.
        uint128 reserved;
        uint32 cap;
        uint32 enrolled;
        uint32 accepted;
        uint32 categories;
        uint40 endsAt;
        bool closed;
        bytes32 metadataHash;
        bytes32 consentHash;
    }

    /// @notice One patient's standing in one study, as returned by `participationOf`.
    struct ParticipationView {
        Enrolment enrolment;
        Contribution contribution;
        bool claimed;
        uint40 enrolledAt;
        bytes32 contributionHash;
    }

    event StudyPublished(
        uint256 indexed studyId,
        address indexed researcher,
        IERC20 token,
        uint128 reward,
        uint32 cap,
        uint40 endsAt,
        uint32 categories,
        bytes32 metadataHash,
        bytes32 consentHash
    );
    event StudyFunded(uint256 indexed studyId, uint128 amount);
    event Enrolled(uint256 indexed studyId, address indexed patient, bytes32 consentHash);
    event ConsentWithdrawn(uint256 indexed studyId, address indexed patient);
    event ContributionSubmitted(
        uint256 indexed studyId, address indexed patient, bytes32 contentHash
    );
    event ContributionReviewed(uint256 indexed studyId, address indexed patient, bool accepted);
    event RewardClaimed(uint256 indexed studyId, address indexed patient, uint128 amount);
    event StudyClosed(uint256 indexed studyId, uint128 refund);
    /// @notice A reward reserved for a contribution went back to the study's escrow (rejected,
    /// or the patient withdrew before review).
    event RewardReleased(uint256 indexed studyId, address indexed patient, uint128 amount);
    /// @notice The researcher took back escrow released after the study closed.
    event EscrowReclaimed(uint256 indexed studyId, uint128 amount);

    /// @notice No study has this id.
    error StudyNotFound(uint256 studyId);
    /// @notice Only the study's researcher may do this.
    error StudyNotResearcher(uint256 studyId, address caller);
    /// @notice The study is closed or past its end date.
    error StudyNotOpen(uint256 studyId);
    /// @notice The study is closed.
    error StudyIsClosed(uint256 studyId);
    /// @notice The study is still open: close it first.
    error StudyNotClosed(uint256 studyId);
    /// @notice A study needs a token, a reward, a cap, a future end, categories and both hashes.
    error StudyInvalid();
    /// @notice The consent hash signed is not this study's consent document.
    error StudyConsentMismatch(uint256 studyId, bytes32 consentHash);
    /// @notice This patient has enrolled in (or withdrawn from) this study before.
    error StudyAlreadyEnrolled(uint256 studyId, address patient);
    /// @notice The study has reached its enrolment cap.
    error StudyFull(uint256 studyId);
    /// @notice The caller is not (or no longer) enrolled.
    error StudyNotEnrolled(uint256 studyId, address patient);
    /// @notice This patient has already contributed to this study.
    error StudyAlreadyContributed(uint256 studyId, address patient);
    /// @notice There is no submitted contribution to review.
    error StudyNothingToReview(uint256 studyId, address patient);
    /// @notice The escrow cannot cover one more reward.
    error StudyInsufficientEscrow(uint256 studyId, uint128 needed, uint128 available);
    /// @notice Nothing is owed to the caller in this study (or it was already claimed).
    error StudyNothingToClaim(uint256 studyId, address patient);
    /// @notice Zero amount or zero hash.
    error StudyZeroValue();

    function publish(
        IERC20 token,
        uint128 reward,
        uint32 cap,
        uint40 endsAt,
        uint32 categories,
        bytes32 metadataHash,
        bytes32 consentHash
    ) external returns (uint256 studyId);

    /// @notice The researcher deposits `amount` of the study's token into escrow (approve first).
    function fund(uint256 studyId, uint128 amount) external;

    /// @notice The caller consents to the study's consent document (by its hash).
    function enrol(uint256 studyId, bytes32 consentHash) external;

    /// @notice The caller withdraws consent; rewards already earned stay claimable. A contribution
    /// not yet reviewed is retracted (its reserved reward returns to escrow), and unless a
    /// contribution was accepted, the enrolment slot is freed for someone else.
    function withdraw(uint256 studyId) external;

    /// @notice Anchors the caller's de-identified, encrypted contribution and reserves its reward
    /// from escrow, so the researcher cannot take the data and then the money back by closing.
    function contribute(uint256 studyId, bytes32 contentHash) external;

    /// @notice The researcher accepts (the reserved reward becomes claimable) or rejects (it
    /// returns to escrow) a submitted contribution; also after the study closed.
    function review(uint256 studyId, address patient, bool accept) external;

    /// @notice Pays the caller's reward for an accepted contribution, once.
    function claim(uint256 studyId) external;

    /// @notice Closes the study and refunds the unreserved escrow to the researcher. Rewards
    /// reserved for contributions awaiting review stay reserved.
    function close(uint256 studyId) external;

    /// @notice After close, the researcher takes back escrow released since (rejections and
    /// withdrawals of contributions that were awaiting review).
    function reclaim(uint256 studyId) external;

    function studyCount() external view returns (uint256);
    function getStudy(uint256 studyId) external view returns (StudyView memory);
    function participationOf(uint256 studyId, address patient)
        external
        view
        returns (ParticipationView memory);
}
