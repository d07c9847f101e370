// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessRegistry} from "./IAccessRegistry.sol";
import {AddressList} from "./lib/AddressList.sol";

/// @title AccessRegistry
/// @notice The ledger of who may read which categories of a patient's records.
/// @dev Grants are enumerable in both directions ("who can read my records", "my patients") so
/// the app reads them directly instead of scanning logs. A grant's data and its positions in both
/// lists share one storage slot, and each list keeps its length beside its first element, which
/// keeps a new grant near the cost of an AccessControlEnumerable role grant although it
/// enumerates twice and carries scope and expiry.
contract AccessRegistry is IAccessRegistry {
    using AddressList for AddressList.List;

    /// @dev One slot: 32 + 8 + 40 + 40 + 32 + 32 = 184 bits.
    /// `granteeIndex`/`patientIndex` are 1-based positions in `_granteesOf[patient]` and
    /// `_patientsOf[grantee]`; 0 never occurs for a live grant.
    struct Grant {
        uint32 categories;
        Permission permission;
        uint40 grantedAt;
        uint40 expiresAt;
        uint32 granteeIndex;
        uint32 patientIndex;
    }

    mapping(address patient => mapping(address grantee => Grant)) private _grants;
    mapping(address patient => AddressList.List) private _granteesOf;
    mapping(address grantee => AddressList.List) private _patientsOf;
    mapping(address patient => mapping(address caregiver => uint40 expiresAt)) private _caregivers;

    /// @inheritdoc IAccessRegistry
    function grant(
        address patient,
        address grantee,
        uint32 categories,
        Permission permission,
        uint40 expiresAt
    ) external {
        _authorize(patient, grantee);
        if (grantee == address(0)) revert AccessRegistryZeroAddress();
        if (grantee == patient) revert AccessRegistrySelfGrant(patient);
        if (categories == 0) revert AccessRegistryEmptyScope();
        if (permission != Permission.Read && permission != Permission.ReadWrite) {
            revert AccessRegistryInvalidPermission(permission);
        }
        if (expiresAt != 0 && expiresAt <= block.timestamp) {
            revert AccessRegistryExpiryInPast(expiresAt, block.timestamp);
        }

        Grant storage existing = _grants[patient][grantee];
        if (existing.permission != Permission.None) {
            existing.categories = categories;
            existing.permission = permission;
            existing.expiresAt = expiresAt;
            emit AccessUpdated(patient, grantee, categories, permission, expiresAt);
            return;
        }

        uint256 granteeIndex = _granteesOf[patient].push(grantee);
        uint256 patientIndex = _patientsOf[grantee].push(patient);
        // Lists cannot reach 2^32 entries: each entry costs an account >20k gas of its own.
        _grants[patient][grantee] = Grant({
            categories: categories,
            permission: permission,
            grantedAt: uint40(block.timestamp),
            expiresAt: expiresAt,
            granteeIndex: uint32(granteeIndex),
            patientIndex: uint32(patientIndex)
        });
        emit AccessGranted(patient, grantee, categories, permission, expiresAt);
    }

    /// @inheritdoc IAccessRegistry
    function revoke(address patient, address grantee) external {
        _authorize(patient, grantee);
        Grant memory revoked = _grants[patient][grantee];
        if (revoked.permission == Permission.None) revert AccessRegistryNoGrant(patient, grantee);

        delete _grants[patient][grantee];
        address movedGrantee = _granteesOf[patient].removeAt(revoked.granteeIndex - 1);
        if (movedGrantee != address(0)) {
            _grants[patient][movedGrantee].granteeIndex = revoked.granteeIndex;
        }
        address movedPatient = _patientsOf[grantee].removeAt(revoked.patientIndex - 1);
        if (movedPatient != address(0)) {
            _grants[movedPatient][grantee].patientIndex = revoked.patientIndex;
        }
        emit AccessRevoked(patient, grantee);
    }

    /// @inheritdoc IAccessRegistry
    function canRead(address patient, address reader, uint8 category) external view returns (bool) {
        if (reader == patient) return patient != address(0);
        return _covers(_grants[patient][reader], category);
    }

    /// @inheritdoc IAccessRegistry
    function canWrite(address patient, address writer, uint8 category)
        external
        view
        returns (bool)
    {
        if (writer == patient) return patient != address(0);
        Grant storage g = _grants[patient][writer];
        return g.permission == Permission.ReadWrite && _covers(g, category);
    }

    /// @inheritdoc IAccessRegistry
    function getGrant(address patient, address grantee) external view returns (GrantView memory) {
        return _view(grantee, _grants[patient][grantee]);
    }

    /// @inheritdoc IAccessRegistry
    function granteeCount(address patient) external view returns (uint256) {
        return _granteesOf[patient].length();
    }

    /// @inheritdoc IAccessRegistry
    function patientCount(address grantee) external view returns (uint256) {
        return _patientsOf[grantee].length();
    }

    /// @inheritdoc IAccessRegistry
    function granteesOf(address patient, uint256 offset, uint256 limit)
        external
        view
        returns (GrantView[] memory page)
    {
        AddressList.List storage grantees = _granteesOf[patient];
        page = new GrantView[](_pageLength(grantees.length(), offset, limit));
        for (uint256 i; i < page.length; ++i) {
            address grantee = grantees.at(offset + i);
            page[i] = _view(grantee, _grants[patient][grantee]);
        }
    }

    /// @inheritdoc IAccessRegistry
    function patientsOf(address grantee, uint256 offset, uint256 limit)
        external
        view
        returns (GrantView[] memory page)
    {
        AddressList.List storage patients = _patientsOf[grantee];
        page = new GrantView[](_pageLength(patients.length(), offset, limit));
        for (uint256 i; i < page.length; ++i) {
            address patient = patients.at(offset + i);
            page[i] = _view(patient, _grants[patient][grantee]);
        }
    }

    /// @inheritdoc IAccessRegistry
    function appointCaregiver(address caregiver, uint40 expiresAt) external {
        if (caregiver == address(0)) revert AccessRegistryZeroAddress();
        if (caregiver == msg.sender) revert AccessRegistrySelfGrant(msg.sender);
        if (expiresAt <= block.timestamp) {
            revert AccessRegistryExpiryInPast(expiresAt, block.timestamp);
        }
        _caregivers[msg.sender][caregiver] = expiresAt;
        emit CaregiverAppointed(msg.sender, caregiver, expiresAt);
    }

    /// @inheritdoc IAccessRegistry
    function removeCaregiver(address caregiver) external {
        if (_caregivers[msg.sender][caregiver] == 0) {
            revert AccessRegistryNotCaregiver(msg.sender, caregiver);
        }
        delete _caregivers[msg.sender][caregiver];
        emit CaregiverRemoved(msg.sender, caregiver);
    }

    /// @inheritdoc IAccessRegistry
    function isCaregiver(address patient, address account) public view returns (bool) {
        return block.timestamp < _caregivers[patient][account];
    }

    /// @inheritdoc IAccessRegistry
    function caregiverExpiry(address patient, address account) external view returns (uint40) {
        return _caregivers[patient][account];
    }

    /// @dev The patient, or a live caregiver of the patient (recorded as such in an event).
    function _authorize(address patient, address grantee) private {
        if (msg.sender == patient) return;
        if (!isCaregiver(patient, msg.sender)) {
            revert AccessRegistryNotPatient(msg.sender, patient);
        }
        emit ActedByCaregiver(patient, msg.sender, grantee);
    }

    function _covers(Grant storage g, uint8 category) private view returns (bool) {
        if (g.permission == Permission.None || category >= 32) return false;
        if (g.categories & (uint32(1) << category) == 0) return false;
        return g.expiresAt == 0 || block.timestamp < g.expiresAt;
    }

    function _view(address counterparty, Grant storage g) private view returns (GrantView memory) {
        if (g.permission == Permission.None) {
            return GrantView(address(0), 0, Permission.None, 0, 0);
        }
        return GrantView(counterparty, g.categories, g.permission, g.grantedAt, g.expiresAt);
    }

    function _pageLength(uint256 total, uint256 offset, uint256 limit)
        private
        pure
        returns (uint256)
    {
        if (offset >= total) return 0;
        uint256 remaining = total - offset;
        return remaining < limit ? remaining : limit;
    }
}
