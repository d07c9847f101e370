// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessRegistry} from "./IAccessRegistry.sol";
import {IRecordIndex} from "./IRecordIndex.sol";

/// @title RecordIndex
/// @notice The on-chain index of a patient's encrypted records: content hash, category, author,
/// time. Clients verify every downloaded blob against it before decrypting.
contract RecordIndex is IRecordIndex {
    /// @dev One slot for the hash, one for category (8) + author (160) + time (40).
    struct Record {
        bytes32 contentHash;
        uint8 category;
        address author;
        uint40 anchoredAt;
    }

    IAccessRegistry public immutable accessRegistry;

    mapping(address patient => Record[]) private _records;
    /// @dev 1-based position in `_records[patient]`; 0 means not anchored.
    mapping(address patient => mapping(bytes32 contentHash => uint256)) private _position;

    constructor(IAccessRegistry accessRegistry_) {
        accessRegistry = accessRegistry_;
    }

    /// @inheritdoc IRecordIndex
    function anchor(address patient, bytes32[] calldata contentHashes, uint8[] calldata categories)
        external
    {
        if (contentHashes.length == 0 || contentHashes.length != categories.length) {
            revert RecordIndexBadBatch(contentHashes.length, categories.length);
        }
        Record[] storage records = _records[patient];
        for (uint256 i; i < contentHashes.length; ++i) {
            bytes32 contentHash = contentHashes[i];
            uint8 category = categories[i];
            // A view call into our own registry: it cannot re-enter or change state.
            if (msg.sender != patient && !accessRegistry.canWrite(patient, msg.sender, category)) {
                revert RecordIndexNotWriter(msg.sender, patient, category);
            }
            if (contentHash == bytes32(0)) revert RecordIndexZeroHash();
            if (_position[patient][contentHash] != 0) {
                revert RecordIndexDuplicate(patient, contentHash);
            }

            records.push(Record(contentHash, category, msg.sender, uint40(block.timestamp)));
            _position[patient][contentHash] = records.length;
            emit RecordAnchored(patient, records.length - 1, msg.sender, contentHash, category);
        }
    }

    /// @inheritdoc IRecordIndex
    function recordCount(address patient) external view returns (uint256) {
        return _records[patient].length;
    }

    /// @inheritdoc IRecordIndex
    function recordsOf(address patient, uint256 offset, uint256 limit)
        external
        view
        returns (RecordView[] memory page)
    {
        Record[] storage records = _records[patient];
        uint256 total = records.length;
        if (offset >= total) return page;
        uint256 length = total - offset < limit ? total - offset : limit;
        page = new RecordView[](length);
        for (uint256 i; i < length; ++i) {
            Record storage record = records[offset + i];
            page[i] =
                RecordView(record.contentHash, record.category, record.author, record.anchoredAt);
        }
    }

    /// @inheritdoc IRecordIndex
    function isAnchored(address patient, bytes32 contentHash) external view returns (bool) {
        return _position[patient][contentHash] != 0;
    }

    /// @inheritdoc IRecordIndex
    function recordByHash(address patient, bytes32 contentHash)
        external
        view
        returns (RecordView memory)
    {
        uint256 position = _position[patient][contentHash];
        if (position == 0) return RecordView(bytes32(0), 0, address(0), 0);
        Record storage record = _records[patient][position - 1];
        return RecordView(record.contentHash, record.category, record.author, record.anchoredAt);
    }
}
