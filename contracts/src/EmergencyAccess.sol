// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IEmergencyAccess} from "./IEmergencyAccess.sol";

/// @title EmergencyAccess
/// @notice Governance registers institutions; institutions register their emergency responders;
/// patients opt in with the categories and window they accept; a responder breaks glass with a
/// commitment to a reason code and reads those categories until the window ends or the patient
/// ends it. Changing the policy ends every open window (a new epoch); a patient's ending sticks.
contract EmergencyAccess is IEmergencyAccess {
    /// @notice No window is ever longer than three days.
    uint32 public constant MAX_WINDOW = 72 hours;
    uint32 public constant MIN_WINDOW = 1 hours;

    address public immutable owner;
    mapping(address institution => bool) public isInstitution;
    mapping(address responder => address institution) private _institutionOf;
    mapping(address patient => Policy) private _policies;
    mapping(address patient => mapping(address responder => Window)) private _windows;
    mapping(address patient => mapping(address responder => bool)) private _blocked;
    mapping(address patient => mapping(uint32 epoch => uint40 endedAt)) private _epochEndedAt;
    mapping(address patient => mapping(address responder => uint40)) private _reopensAt;

    constructor(address owner_) {
        owner = owner_;
    }

    /// @inheritdoc IEmergencyAccess
    function setInstitution(address institution, bool active) external {
        if (msg.sender != owner) revert EmergencyAccessNotOwner(msg.sender);
        isInstitution[institution] = active;
        emit InstitutionSet(institution, active);
    }

    /// @inheritdoc IEmergencyAccess
    function setResponder(address responder, bool active) external {
        if (!isInstitution[msg.sender]) revert EmergencyAccessNotInstitution(msg.sender);
        address current = _institutionOf[responder];
        // An institution manages only its own responders.
        if (current != address(0) && current != msg.sender) {
            revert EmergencyAccessIncorrectInstitution(responder, current);
        }
        _institutionOf[responder] = active ? msg.sender : address(0);
        emit ResponderSet(msg.sender, responder, active);
    }

    /// @inheritdoc IEmergencyAccess
    function setPolicy(uint32 categories, uint32 window) external {
        if (categories == 0) revert EmergencyAccessEmptyScope(msg.sender);
        if (window < MIN_WINDOW) revert EmergencyAccessWindowTooShort(window, MIN_WINDOW);
        if (window > MAX_WINDOW) revert EmergencyAccessWindowTooLong(window, MAX_WINDOW);
        _changePolicy(categories, window);
        emit EmergencyPolicySet(msg.sender, categories, window);
    }

    /// @inheritdoc IEmergencyAccess
    function clearPolicy() external {
        _changePolicy(0, 0);
        emit EmergencyPolicyCleared(msg.sender);
    }

    /// @dev A new epoch: every window opened under the old one is over from now on. Whoever
    /// holds windows and however many, this costs the same (no list to walk, nothing an
    /// institution registering many responders could grow).
    function _changePolicy(uint32 categories, uint32 window) private {
        Policy storage policy = _policies[msg.sender];
        // No window opens under epoch 0 (nothing to break glass on), so its end needs no record.
        if (policy.epoch != 0) _epochEndedAt[msg.sender][policy.epoch] = uint40(block.timestamp);
        // An epoch cannot reach 2^32: each change costs the patient a transaction.
        policy.epoch += 1;
        policy.categories = categories;
        policy.window = window;
    }

    /// @dev Open: unexpired, not ended, and opened under the patient's current policy.
    function _isOpen(Window memory window, Policy memory policy) private view returns (bool) {
        return block.timestamp < window.expiresAt && window.epoch == policy.epoch;
    }

    function _isResponder(address account) private view returns (address institution) {
        institution = _institutionOf[account];
        // A responder whose institution was deregistered is no longer a responder.
        if (institution != address(0) && !isInstitution[institution]) institution = address(0);
    }

    /// @inheritdoc IEmergencyAccess
    function breakGlass(address patient, bytes32 reasonCommitment) external {
        address institution = _isResponder(msg.sender);
        if (institution == address(0)) revert EmergencyAccessNotResponder(msg.sender);
        Policy memory policy = _policies[patient];
        if (policy.categories == 0) revert EmergencyAccessNotOptedIn(patient);
        if (reasonCommitment == bytes32(0)) revert EmergencyAccessMissingReason();
        if (_blocked[patient][msg.sender]) {
            revert EmergencyAccessResponderBlocked(patient, msg.sender);
        }
        uint40 reopensAt = _reopensAt[patient][msg.sender];
        if (block.timestamp < reopensAt) {
            revert EmergencyAccessCoolingDown(patient, msg.sender, reopensAt);
        }
        if (_isOpen(_windows[patient][msg.sender], policy)) {
            revert EmergencyAccessAlreadyOpen(patient, msg.sender);
        }
        uint40 expiresAt = uint40(block.timestamp + policy.window);
        _windows[patient][msg.sender] = Window(
            policy.categories, uint40(block.timestamp), expiresAt, policy.epoch, reasonCommitment
        );
        emit EmergencyAccessOpened(
            patient, msg.sender, institution, reasonCommitment, policy.categories, expiresAt
        );
    }

    /// @inheritdoc IEmergencyAccess
    function endAccess(address patient, address responder) external {
        if (msg.sender != patient && msg.sender != responder) {
            revert EmergencyAccessNotParty(msg.sender);
        }
        Window storage window = _windows[patient][responder];
        if (!_isOpen(window, _policies[patient])) {
            revert EmergencyAccessNotOpen(patient, responder);
        }
        window.expiresAt = uint40(block.timestamp);
        emit EmergencyAccessEnded(patient, responder, msg.sender);
        if (msg.sender == patient) {
            _blocked[patient][responder] = true;
            emit ResponderBlocked(patient, responder, true);
        } else {
            _reopensAt[patient][responder] = uint40(block.timestamp + MIN_WINDOW);
        }
    }

    /// @inheritdoc IEmergencyAccess
    function setResponderBlocked(address responder, bool blocked) external {
        _blocked[msg.sender][responder] = blocked;
        emit ResponderBlocked(msg.sender, responder, blocked);
    }

    /// @inheritdoc IEmergencyAccess
    function canRead(address patient, address reader, uint8 category) external view returns (bool) {
        return category < 32 && (readScope(patient, reader) & (uint32(1) << category)) != 0;
    }

    /// @inheritdoc IEmergencyAccess
    function readScope(address patient, address reader) public view returns (uint32) {
        Window memory window = _windows[patient][reader];
        if (!_isOpen(window, _policies[patient]) || _isResponder(reader) == address(0)) return 0;
        return window.categories;
    }

    /// @inheritdoc IEmergencyAccess
    function policyOf(address patient) external view returns (Policy memory) {
        return _policies[patient];
    }

    /// @inheritdoc IEmergencyAccess
    function windowOf(address patient, address responder) external view returns (Window memory w) {
        w = _windows[patient][responder];
        if (w.epoch != _policies[patient].epoch) {
            uint40 endedAt = _epochEndedAt[patient][w.epoch];
            if (endedAt < w.expiresAt) w.expiresAt = endedAt;
        }
    }

    /// @inheritdoc IEmergencyAccess
    function institutionOf(address responder) external view returns (address) {
        return _isResponder(responder);
    }

    /// @inheritdoc IEmergencyAccess
    function isBlocked(address patient, address responder) external view returns (bool) {
        return _blocked[patient][responder];
    }
}
