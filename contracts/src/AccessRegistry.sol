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

    /// @dev One slot: 32 + 8 + 40 + 40 + 32 + 32 + 8 + 8 = 200 bits.
    /// `granteeIndex`/`patientIndex` are 1-based positions in `_granteesOf[patient]` and
    /// `_patientsOf[grantee]`; 0 never occurs for a live grant. `byCaregiver` marks a grant a
    /// caregiver made (named in `_grantedBy`), which lives no longer than their appointment.
    struct Grant {
        uint32 categories;
        Permission permission;
        uint40 grantedAt;
        uint40 expiresAt;
        uint32 granteeIndex;
        uint32 patientIndex;
        bool byCaregiver;
        bool accepted;
    }

    mapping(address patient => mapping(address grantee => Grant)) private _grants;
    mapping(address patient => AddressList.List) private _granteesOf;
    mapping(address grantee => AddressList.List) private _patientsOf;

    /// @dev One slot. `term` numbers the runs of appointments: extending a live appointment
    /// keeps it, appointing again after a removal or expiry starts the next one.
    struct Appointment {
        uint40 expiresAt;
        uint32 term;
    }

    /// @dev One slot: which caregiver made a grant, during which of their terms.
    struct GrantedBy {
        address caregiver;
        uint32 term;
    }

    mapping(address patient => mapping(address caregiver => Appointment)) private _caregivers;
    mapping(address patient => mapping(address grantee => GrantedBy)) private _grantedBy;

    /// @inheritdoc IAccessRegistry
    function grant(
        address patient,
        address grantee,
        uint32 categories,
        Permission permission,
        uint40 expiresAt
    ) external {
        address caregiver = _authorize(patient, grantee);
        if (grantee == address(0)) revert AccessRegistryZeroGrantee(patient);
        if (grantee == patient) revert AccessRegistrySelfGrant(patient);
        if (grantee == caregiver) revert AccessRegistryCaregiverSelfGrant(caregiver);
        if (categories == 0) revert AccessRegistryEmptyScope();
        if (permission != Permission.Read && permission != Permission.ReadWrite) {
            revert AccessRegistryInvalidPermission(permission);
        }
        if (expiresAt != 0 && expiresAt <= block.timestamp) {
            revert AccessRegistryExpiryInPast(expiresAt, block.timestamp);
        }
        Grant storage existing = _grants[patient][grantee];
        // A caregiver's edit that only narrows a live grant the patient made stays the patient's
        // grant (removing the caregiver must not end what the patient chose); anything wider is
        // the caregiver's own grant, capped by their appointment.
        bool byCaregiver = caregiver != address(0)
            && !_narrowsPatientGrant(existing, categories, permission, expiresAt);
        if (byCaregiver) {
            // What a caregiver grants ends when their appointment does, at the latest.
            Appointment memory appointment = _caregivers[patient][caregiver];
            if (expiresAt == 0 || expiresAt > appointment.expiresAt) {
                expiresAt = appointment.expiresAt;
            }
            _grantedBy[patient][grantee] = GrantedBy(caregiver, appointment.term);
        } else if (caregiver == address(0)) {
            delete _grantedBy[patient][grantee];
        }

        if (existing.permission != Permission.None) {
            existing.categories = categories;
            existing.permission = permission;
            existing.expiresAt = expiresAt;
            existing.byCaregiver = byCaregiver;
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
            // forge-lint: disable-next-line(unsafe-typecast)
            granteeIndex: uint32(granteeIndex),
            // forge-lint: disable-next-line(unsafe-typecast)
            patientIndex: uint32(patientIndex),
            byCaregiver: byCaregiver,
            accepted: false
        });
        emit AccessGranted(patient, grantee, categories, permission, expiresAt);
    }

    /// @inheritdoc IAccessRegistry
    function revoke(address patient, address grantee) external {
        _authorize(patient, grantee);
        _remove(patient, grantee);
        emit AccessRevoked(patient, grantee);
    }

    /// @inheritdoc IAccessRegistry
    function renounce(address patient) external {
        _remove(patient, msg.sender);
        emit AccessRenounced(patient, msg.sender);
    }

    /// @inheritdoc IAccessRegistry
    function accept(address patient) external {
        Grant storage g = _grants[patient][msg.sender];
        if (g.permission == Permission.None) revert AccessRegistryNoGrant(patient, msg.sender);
        g.accepted = true;
        emit AccessAccepted(patient, msg.sender);
    }

    /// @dev Deletes the grant and swaps it out of both lists.
    function _remove(address patient, address grantee) private {
        Grant memory revoked = _grants[patient][grantee];
        if (revoked.permission == Permission.None) revert AccessRegistryNoGrant(patient, grantee);

        delete _grants[patient][grantee];
        if (revoked.byCaregiver) delete _grantedBy[patient][grantee];
        address movedGrantee = _granteesOf[patient].removeAt(revoked.granteeIndex - 1);
        if (movedGrantee != address(0)) {
            _grants[patient][movedGrantee].granteeIndex = revoked.granteeIndex;
        }
        address movedPatient = _patientsOf[grantee].removeAt(revoked.patientIndex - 1);
        if (movedPatient != address(0)) {
            _grants[movedPatient][grantee].patientIndex = revoked.patientIndex;
        }
    }

    /// @inheritdoc IAccessRegistry
    function canRead(address patient, address reader, uint8 category) external view returns (bool) {
        if (reader == patient) return patient != address(0);
        return _covers(patient, reader, category);
    }

    /// @inheritdoc IAccessRegistry
    function readScope(address patient, address reader) external view returns (uint32) {
        if (reader == patient) return patient == address(0) ? 0 : type(uint32).max;
        Grant storage g = _grants[patient][reader];
        if (g.permission == Permission.None) return 0;
        uint40 expiresAt = _expiry(patient, reader, g);
        if (expiresAt != 0 && block.timestamp >= expiresAt) return 0;
        return g.categories;
    }

    /// @inheritdoc IAccessRegistry
    function canWrite(address patient, address writer, uint8 category)
        external
        view
        returns (bool)
    {
        if (writer == patient) return patient != address(0);
        return _grants[patient][writer].permission == Permission.ReadWrite
            && _covers(patient, writer, category);
    }

    /// @inheritdoc IAccessRegistry
    function writeScope(address patient, address writer) external view returns (uint32) {
        if (writer == patient) return patient == address(0) ? 0 : type(uint32).max;
        Grant storage g = _grants[patient][writer];
        if (g.permission != Permission.ReadWrite) return 0;
        uint40 expiresAt = _expiry(patient, writer, g);
        if (expiresAt != 0 && block.timestamp >= expiresAt) return 0;
        return g.categories;
    }

    /// @inheritdoc IAccessRegistry
    function getGrant(address patient, address grantee) external view returns (GrantView memory) {
        return _view(patient, grantee, grantee);
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
            page[i] = _view(patient, grantee, grantee);
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
            page[i] = _view(patient, grantee, patient);
        }
    }

    /// @inheritdoc IAccessRegistry
    function appointCaregiver(address caregiver, uint40 expiresAt) external {
        if (caregiver == address(0)) revert AccessRegistryZeroCaregiver(msg.sender);
        if (caregiver == msg.sender) revert AccessRegistrySelfAppointment(msg.sender);
        if (expiresAt <= block.timestamp) {
            revert AccessRegistryAppointmentExpiryInPast(expiresAt, block.timestamp);
        }
        Appointment storage appointment = _caregivers[msg.sender][caregiver];
        // A term cannot reach 2^32: each new one costs the patient a transaction.
        if (block.timestamp >= appointment.expiresAt) appointment.term += 1;
        appointment.expiresAt = expiresAt;
        emit CaregiverAppointed(msg.sender, caregiver, expiresAt);
    }

    /// @inheritdoc IAccessRegistry
    function removeCaregiver(address caregiver) external {
        if (!isCaregiver(msg.sender, caregiver)) {
            revert AccessRegistryNotCaregiver(msg.sender, caregiver);
        }
        // Ended now rather than deleted: grants this caregiver made read their end from here.
        _caregivers[msg.sender][caregiver].expiresAt = uint40(block.timestamp);
        emit CaregiverRemoved(msg.sender, caregiver);
    }

    /// @inheritdoc IAccessRegistry
    function isCaregiver(address patient, address account) public view returns (bool) {
        return block.timestamp < _caregivers[patient][account].expiresAt;
    }

    /// @inheritdoc IAccessRegistry
    function caregiverExpiry(address patient, address account) external view returns (uint40) {
        return _caregivers[patient][account].expiresAt;
    }

    /// @dev The patient (returns zero), or a live caregiver of the patient (returned, and
    /// recorded as such in an event).
    function _authorize(address patient, address grantee) private returns (address caregiver) {
        if (msg.sender == patient) return address(0);
        if (!isCaregiver(patient, msg.sender)) {
            revert AccessRegistryNotPatient(msg.sender, patient);
        }
        emit ActedByCaregiver(patient, msg.sender, grantee);
        return msg.sender;
    }

    /// @dev Whether new terms only narrow `existing`, a live grant the patient made: no new
    /// category, no higher permission, no later expiry (0 means never, the latest of all).
    function _narrowsPatientGrant(
        Grant storage existing,
        uint32 categories,
        Permission permission,
        uint40 expiresAt
    ) private view returns (bool) {
        if (existing.permission == Permission.None || existing.byCaregiver) {
            return false;
        }
        uint40 old = existing.expiresAt;
        if (old != 0 && old <= block.timestamp) return false;
        bool notLater = old == 0 || (expiresAt != 0 && expiresAt <= old);
        return categories & ~existing.categories == 0
            && uint8(permission) <= uint8(existing.permission) && notLater;
    }

    /// @dev When the grant stops reading (0: never): its own expiry, or for a grant a caregiver
    /// made, the end of that caregiver's appointment if sooner (removal ends it at once). A grant
    /// made during an earlier appointment stays ended when the caregiver is appointed again.
    function _expiry(address patient, address grantee, Grant storage g)
        private
        view
        returns (uint40)
    {
        if (!g.byCaregiver) return g.expiresAt;
        GrantedBy memory by = _grantedBy[patient][grantee];
        Appointment memory appointment = _caregivers[patient][by.caregiver];
        if (by.term != appointment.term) return g.grantedAt;
        return appointment.expiresAt < g.expiresAt ? appointment.expiresAt : g.expiresAt;
    }

    function _covers(address patient, address grantee, uint8 category) private view returns (bool) {
        Grant storage g = _grants[patient][grantee];
        if (g.permission == Permission.None || category >= 32) return false;
        if (g.categories & (uint32(1) << category) == 0) return false;
        uint40 expiresAt = _expiry(patient, grantee, g);
        return expiresAt == 0 || block.timestamp < expiresAt;
    }

    function _view(address patient, address grantee, address counterparty)
        private
        view
        returns (GrantView memory)
    {
        Grant storage g = _grants[patient][grantee];
        if (g.permission == Permission.None) {
            return GrantView(address(0), 0, Permission.None, 0, 0, false);
        }
        return GrantView(
            counterparty,
            g.categories,
            g.permission,
            g.grantedAt,
            _expiry(patient, grantee, g),
            g.accepted
        );
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
