// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @title IResearchStudies
/// @notice Research studies with on-chain consent, anchored de-identified contributions and
/// escrowed ERC-20 rewards paid by pull. Titles, purposes and consent texts live off-chain; only
/// their hashes are here. A contribution is the SHA-256 of an encrypted, de-identified extract.
/// @dev Study ids start at 1. Functions that move tokens (`fund`, `claim`, `close`, `reclaim`)
/// are non-reentrant and may also revert with the token's own errors,
/// `SafeERC20FailedOperation` or `ReentrancyGuardReentrantCall`.
interface IResearchStudies {
    /// @notice A patient's consent in one study.
    /// @dev `None`: never enrolled. `Enrolled`: consent given and standing. `Withdrawn`: consent
    /// withdrawn; the patient cannot enrol in that study again.
    enum Enrolment {
        None,
        Enrolled,
        Withdrawn
    }

    /// @notice A patient's contribution to one study.
    /// @dev `None`: nothing submitted (or a submission retracted by withdrawing). `Submitted`:
    /// awaiting review, its reward reserved. `Accepted`: its reward is owed to the patient.
    /// `Rejected`: its reward went back to escrow.
    enum Contribution {
        None,
        Submitted,
        Accepted,
        Rejected
    }

    /// @notice One study, as returned by `getStudy`.
    /// @param researcher The account that published the study and manages it.
    /// @param token The ERC-20 token rewards are paid in.
    /// @param reward Amount paid for each accepted contribution.
    /// @param escrow Funds held for the study that are neither reserved for nor owed to a
    /// contribution: refunded on close; what is released after close is for `reclaim`.
    /// @param reserved Rewards set aside for submitted contributions awaiting review.
    /// @param cap Most enrolment slots.
    /// @param enrolled Slots taken: patients enrolled now, plus those who withdrew after their
    /// contribution was accepted.
    /// @param accepted How many contributions were accepted.
    /// @param categories Bit set of the record categories the study asks for.
    /// @param endsAt Block time from which nobody may enrol or contribute.
    /// @param closed Whether the researcher closed the study.
    /// @param metadataHash Hash of the off-chain title and purpose.
    /// @param consentHash Hash of the off-chain consent document patients sign.
    struct StudyView {
        address researcher;
        IERC20 token;
        uint128 reward;
        uint128 escrow;
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
    /// @param enrolment Whether the patient is enrolled, withdrew, or never enrolled.
    /// @param contribution The state of the patient's contribution.
    /// @param claimed Whether the patient has been paid the reward for an accepted contribution.
    /// @param enrolledAt Block time the patient enrolled; 0 if never.
    /// @param contributionHash SHA-256 of the contributed extract; zero if none (or retracted).
    struct ParticipationView {
        Enrolment enrolment;
        Contribution contribution;
        bool claimed;
        uint40 enrolledAt;
        bytes32 contributionHash;
    }

    /// @notice A researcher published a study. Emitted by `publish`.
    /// @param studyId The new study's id.
    /// @param researcher The publisher (the caller).
    /// @param token The ERC-20 token rewards are paid in.
    /// @param reward Amount paid for each accepted contribution.
    /// @param cap Most enrolment slots.
    /// @param endsAt Block time from which nobody may enrol or contribute.
    /// @param categories Bit set of the record categories the study asks for.
    /// @param metadataHash Hash of the off-chain title and purpose.
    /// @param consentHash Hash of the off-chain consent document.
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

    /// @notice The researcher added to a study's escrow. Emitted by `fund`.
    /// @param studyId The study.
    /// @param amount The amount the contract actually received (net of any token fee).
    event StudyFunded(uint256 indexed studyId, uint128 amount);

    /// @notice A patient consented to a study. Emitted by `enrol`.
    /// @param studyId The study.
    /// @param patient The patient (the caller).
    /// @param consentHash Hash of the consent document consented to.
    event Enrolled(uint256 indexed studyId, address indexed patient, bytes32 consentHash);

    /// @notice A patient withdrew consent from a study. Emitted by `withdraw`.
    /// @param studyId The study.
    /// @param patient The patient (the caller).
    event ConsentWithdrawn(uint256 indexed studyId, address indexed patient);

    /// @notice A patient anchored a contribution and its reward was reserved. Emitted by
    /// `contribute`.
    /// @param studyId The study.
    /// @param patient The patient (the caller).
    /// @param contentHash SHA-256 of the encrypted, de-identified extract.
    event ContributionSubmitted(
        uint256 indexed studyId, address indexed patient, bytes32 contentHash
    );

    /// @notice The researcher accepted or rejected a submitted contribution. Emitted by `review`.
    /// @param studyId The study.
    /// @param patient The contributor.
    /// @param accepted True if accepted (reward now owed), false if rejected.
    event ContributionReviewed(uint256 indexed studyId, address indexed patient, bool accepted);

    /// @notice A patient was paid the reward for their accepted contribution. Emitted by `claim`.
    /// @param studyId The study.
    /// @param patient The patient paid (the caller).
    /// @param amount The reward paid.
    event RewardClaimed(uint256 indexed studyId, address indexed patient, uint128 amount);

    /// @notice The researcher closed a study and was refunded its unreserved escrow. Emitted by
    /// `close`.
    /// @param studyId The study.
    /// @param refund The escrow refunded to the researcher (possibly 0).
    event StudyClosed(uint256 indexed studyId, uint128 refund);

    /// @notice A reward reserved for a contribution went back to the study's escrow (rejected,
    /// or the patient withdrew before review). Emitted by `review` and `withdraw`.
    /// @param studyId The study.
    /// @param patient The contributor whose reserved reward was released.
    /// @param amount The reward returned to escrow.
    event RewardReleased(uint256 indexed studyId, address indexed patient, uint128 amount);

    /// @notice The researcher took back escrow released after the study closed. Emitted by
    /// `reclaim`.
    /// @param studyId The study.
    /// @param amount The amount paid back to the researcher.
    event EscrowReclaimed(uint256 indexed studyId, uint128 amount);

    /// @notice No study has this id. Thrown by every function that takes a study id except
    /// `participationOf`.
    /// @param studyId The id given.
    error ResearchStudiesNotFound(uint256 studyId);

    /// @notice Only the study's researcher may do this. Thrown by `fund`, `review`, `close` and
    /// `reclaim`.
    /// @param studyId The study.
    /// @param caller The account that called.
    error ResearchStudiesNotResearcher(uint256 studyId, address caller);

    /// @notice The study is closed. Thrown by `fund`, `close`, `enrol` and `contribute`.
    /// @param studyId The study.
    error ResearchStudiesAlreadyClosed(uint256 studyId);

    /// @notice The study is past its end date. Thrown by `enrol` and `contribute`.
    /// @param studyId The study.
    /// @param endsAt Block time from which the study stopped taking enrolments and contributions.
    error ResearchStudiesEnded(uint256 studyId, uint40 endsAt);

    /// @notice The study is still open: close it first. Thrown by `reclaim`.
    /// @param studyId The study.
    error ResearchStudiesNotClosed(uint256 studyId);

    /// @notice A study needs a reward token (it is the zero address). Thrown by `publish`.
    error ResearchStudiesZeroToken();

    /// @notice A study needs a non-zero reward. Thrown by `publish`.
    error ResearchStudiesZeroReward();

    /// @notice A study needs a non-zero enrolment cap. Thrown by `publish`.
    error ResearchStudiesZeroCap();

    /// @notice A study's end is not after the current block time. Thrown by `publish`.
    /// @param endsAt The end given.
    /// @param blockTime The current block time.
    error ResearchStudiesEndInPast(uint40 endsAt, uint256 blockTime);

    /// @notice A study names no record category (`categories` is 0). Thrown by `publish`.
    error ResearchStudiesEmptyScope();

    /// @notice A study needs the hash of its title and purpose (it is zero). Thrown by `publish`.
    error ResearchStudiesZeroMetadataHash();

    /// @notice A study needs the hash of its consent document (it is zero). Thrown by `publish`.
    error ResearchStudiesZeroConsentHash();

    /// @notice The consent hash signed is not this study's consent document. Thrown by `enrol`.
    /// @param studyId The study.
    /// @param consentHash The consent hash given.
    error ResearchStudiesConsentMismatch(uint256 studyId, bytes32 consentHash);

    /// @notice This patient is already enrolled in this study. Thrown by `enrol`.
    /// @param studyId The study.
    /// @param patient The patient (the caller).
    error ResearchStudiesAlreadyEnrolled(uint256 studyId, address patient);

    /// @notice This patient withdrew their consent from this study: they may not enrol again,
    /// contribute, or withdraw twice. Thrown by `enrol`, `withdraw` and `contribute`.
    /// @param studyId The study.
    /// @param patient The patient (the caller).
    error ResearchStudiesWithdrawn(uint256 studyId, address patient);

    /// @notice The study has reached its enrolment cap. Thrown by `enrol`.
    /// @param studyId The study.
    error ResearchStudiesFull(uint256 studyId);

    /// @notice The caller never enrolled in this study. Thrown by `withdraw` and `contribute`.
    /// @param studyId The study.
    /// @param patient The patient (the caller).
    error ResearchStudiesNotEnrolled(uint256 studyId, address patient);

    /// @notice This patient has already contributed to this study (awaiting review, accepted or
    /// rejected). Thrown by `contribute`.
    /// @param studyId The study.
    /// @param patient The patient (the caller).
    error ResearchStudiesAlreadyContributed(uint256 studyId, address patient);

    /// @notice This patient has no contribution to review (none submitted, or it was retracted
    /// by withdrawing). Thrown by `review`.
    /// @param studyId The study.
    /// @param patient The patient named.
    error ResearchStudiesNothingToReview(uint256 studyId, address patient);

    /// @notice This patient's contribution was already accepted or rejected. Thrown by `review`.
    /// @param studyId The study.
    /// @param patient The patient named.
    error ResearchStudiesAlreadyReviewed(uint256 studyId, address patient);

    /// @notice The escrow cannot cover one more reward. Thrown by `contribute`.
    /// @param studyId The study.
    /// @param needed The reward to reserve.
    /// @param available The study's unreserved escrow.
    error ResearchStudiesInsufficientEscrow(uint256 studyId, uint128 needed, uint128 available);

    /// @notice The caller has no accepted contribution in this study, so nothing is owed. Thrown
    /// by `claim`.
    /// @param studyId The study.
    /// @param patient The patient (the caller).
    error ResearchStudiesNothingToClaim(uint256 studyId, address patient);

    /// @notice The caller's reward in this study was already paid. Thrown by `claim`.
    /// @param studyId The study.
    /// @param patient The patient (the caller).
    error ResearchStudiesAlreadyClaimed(uint256 studyId, address patient);

    /// @notice The amount to deposit is zero. Thrown by `fund`.
    /// @param studyId The study.
    error ResearchStudiesZeroAmount(uint256 studyId);

    /// @notice A contribution needs the hash of its extract (it is zero). Thrown by `contribute`.
    /// @param studyId The study.
    error ResearchStudiesZeroContentHash(uint256 studyId);

    /// @notice No escrow was released since the study closed, so there is nothing to take back.
    /// Thrown by `reclaim`.
    /// @param studyId The study.
    error ResearchStudiesNothingToReclaim(uint256 studyId);

    /// @notice Publishes a study with the caller as its researcher. Its escrow starts empty:
    /// `fund` it before patients can contribute.
    /// @dev Reverts with `ResearchStudiesZeroToken`, `ResearchStudiesZeroReward`,
    /// `ResearchStudiesZeroCap`, `ResearchStudiesEndInPast`, `ResearchStudiesEmptyScope`,
    /// `ResearchStudiesZeroMetadataHash` or `ResearchStudiesZeroConsentHash`. Emits
    /// `StudyPublished`.
    /// @param token The ERC-20 token rewards are paid in; not zero.
    /// @param reward Amount paid for each accepted contribution; not zero.
    /// @param cap Most enrolment slots; not zero.
    /// @param endsAt Block time from which nobody may enrol or contribute; in the future.
    /// @param categories Non-empty bit set of the record categories the study asks for.
    /// @param metadataHash Non-zero hash of the off-chain title and purpose.
    /// @param consentHash Non-zero hash of the off-chain consent document.
    /// @return studyId The new study's id (the new `studyCount`).
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
    /// The escrow grows by what actually arrived. Also past the end date, not after closing.
    /// @dev Reverts with `ResearchStudiesNotFound`, `ResearchStudiesNotResearcher`,
    /// `ResearchStudiesAlreadyClosed` or `ResearchStudiesZeroAmount`. Emits `StudyFunded`.
    /// @param studyId The study.
    /// @param amount Amount to transfer from the caller; not zero.
    function fund(uint256 studyId, uint128 amount) external;

    /// @notice The caller consents to the study's consent document (by its hash).
    /// @dev Only while the study is open (not closed, before `endsAt`) and not full, once per
    /// patient. Reverts with `ResearchStudiesNotFound`, `ResearchStudiesAlreadyClosed`,
    /// `ResearchStudiesEnded`, `ResearchStudiesConsentMismatch`,
    /// `ResearchStudiesAlreadyEnrolled`, `ResearchStudiesWithdrawn` or `ResearchStudiesFull`.
    /// Emits `Enrolled`.
    /// @param studyId The study.
    /// @param consentHash Hash of the consent document the caller read; must be the study's.
    function enrol(uint256 studyId, bytes32 consentHash) external;

    /// @notice The caller withdraws consent; rewards already earned stay claimable. A contribution
    /// not yet reviewed is retracted (its reserved reward returns to escrow), and unless a
    /// contribution was accepted, the enrolment slot is freed for someone else.
    /// @dev Also after the study closed or ended. Reverts with `ResearchStudiesNotFound`,
    /// `ResearchStudiesNotEnrolled` or `ResearchStudiesWithdrawn`. Emits `ConsentWithdrawn`,
    /// then `RewardReleased` if a contribution was retracted.
    /// @param studyId The study.
    function withdraw(uint256 studyId) external;

    /// @notice Anchors the caller's de-identified, encrypted contribution and reserves its reward
    /// from escrow, so the researcher cannot take the data and then the money back by closing.
    /// @dev Only while the study is open, once per patient. Reverts with
    /// `ResearchStudiesNotFound`, `ResearchStudiesAlreadyClosed`, `ResearchStudiesEnded`,
    /// `ResearchStudiesZeroContentHash`, `ResearchStudiesNotEnrolled`,
    /// `ResearchStudiesWithdrawn`, `ResearchStudiesAlreadyContributed` or
    /// `ResearchStudiesInsufficientEscrow`. Emits `ContributionSubmitted`.
    /// @param studyId The study.
    /// @param contentHash Non-zero SHA-256 of the encrypted, de-identified extract.
    function contribute(uint256 studyId, bytes32 contentHash) external;

    /// @notice The researcher accepts (the reserved reward becomes claimable) or rejects (it
    /// returns to escrow) a submitted contribution; also after the study closed.
    /// @dev Reverts with `ResearchStudiesNotFound`, `ResearchStudiesNotResearcher`,
    /// `ResearchStudiesNothingToReview` or `ResearchStudiesAlreadyReviewed`. Emits
    /// `ContributionReviewed`, then `RewardReleased` on a rejection.
    /// @param studyId The study.
    /// @param patient The contributor.
    /// @param accept True to accept, false to reject.
    function review(uint256 studyId, address patient, bool accept) external;

    /// @notice Pays the caller's reward for an accepted contribution, once. Also after the
    /// caller withdrew or the study closed.
    /// @dev Reverts with `ResearchStudiesNotFound`, `ResearchStudiesNothingToClaim` or
    /// `ResearchStudiesAlreadyClaimed`. Emits `RewardClaimed`, then transfers the reward.
    /// @param studyId The study.
    function claim(uint256 studyId) external;

    /// @notice Closes the study and refunds the unreserved escrow to the researcher. Rewards
    /// reserved for contributions awaiting review stay reserved.
    /// @dev Only the researcher, once; also before `endsAt`. Reverts with
    /// `ResearchStudiesNotFound`, `ResearchStudiesNotResearcher` or
    /// `ResearchStudiesAlreadyClosed`. Emits `StudyClosed`, then transfers any refund.
    /// @param studyId The study.
    function close(uint256 studyId) external;

    /// @notice After close, the researcher takes back escrow released since (rejections and
    /// withdrawals of contributions that were awaiting review).
    /// @dev Reverts with `ResearchStudiesNotFound`, `ResearchStudiesNotResearcher`,
    /// `ResearchStudiesNotClosed` or `ResearchStudiesNothingToReclaim`. Emits `EscrowReclaimed`,
    /// then transfers the amount.
    /// @param studyId The study.
    function reclaim(uint256 studyId) external;

    /// @notice How many studies were published; their ids run from 1 to this number.
    /// @return The number of studies.
    function studyCount() external view returns (uint256);

    /// @notice The study with id `studyId`.
    /// @dev Reverts with `ResearchStudiesNotFound` for an unknown id.
    /// @param studyId The study.
    /// @return The study's terms and current balances.
    function getStudy(uint256 studyId) external view returns (StudyView memory);

    /// @notice `patient`'s standing in study `studyId`.
    /// @dev Does not revert: all fields are zero for a patient (or study) without participation.
    /// @param studyId The study.
    /// @param patient The patient.
    /// @return The patient's enrolment, contribution and claim.
    function participationOf(uint256 studyId, address patient)
        external
        view
        returns (ParticipationView memory);
}
