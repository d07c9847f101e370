// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../../utils/Test.sol";
import {AccessRegistry} from "../../../src/AccessRegistry.sol";
import {IAccessRegistry} from "../../../src/IAccessRegistry.sol";
import {RecordIndex} from "../../../src/RecordIndex.sol";

/// @dev Drives grants, revokes, time and anchoring attempts by patients and other accounts, and
/// predicts from a ghost copy of the grants whether each anchor should succeed.
contract RecordIndexHandler is Test {
    AccessRegistry public immutable registry;
    RecordIndex public immutable index;
    uint256 public constant ACTORS = 4;

    mapping(uint256 => mapping(uint256 => uint32)) internal _scope;
    mapping(uint256 => mapping(uint256 => bool)) internal _write;
    mapping(uint256 => mapping(uint256 => uint40)) internal _expiresAt;
    mapping(uint256 => uint256) public ghostRecords;
    mapping(bytes32 => bool) internal _used;

    /// Anchors that succeeded although the ghost says they must not, and the reverse.
    uint256 public unauthorizedAnchors;
    uint256 public refusedAllowedAnchors;

    constructor(AccessRegistry registry_, RecordIndex index_) {
        registry = registry_;
        index = index_;
    }

    function actor(uint256 i) public pure returns (address) {
        return address(uint160(0x2000 + i));
    }

    function grant(uint256 p, uint256 g, uint32 scope, bool write, uint256 lifetime) external {
        p = bound(p, 0, ACTORS - 1);
        g = bound(g, 0, ACTORS - 1);
        if (p == g || scope == 0) return;
        lifetime = bound(lifetime, 0, 10 days);
        uint40 expiresAt = lifetime == 0 ? 0 : uint40(block.timestamp + lifetime);
        vm.prank(actor(p));
        registry.grant(
            actor(p),
            actor(g),
            scope,
            write ? IAccessRegistry.Permission.ReadWrite : IAccessRegistry.Permission.Read,
            expiresAt
        );
        (_scope[p][g], _write[p][g], _expiresAt[p][g]) = (scope, write, expiresAt);
    }

    function revoke(uint256 p, uint256 g) external {
        p = bound(p, 0, ACTORS - 1);
        g = bound(g, 0, ACTORS - 1);
        if (_scope[p][g] == 0) return;
        vm.prank(actor(p));
        registry.revoke(actor(p), actor(g));
        _scope[p][g] = 0;
    }

    function passTime(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, 3 days));
    }

    function anchor(uint256 p, uint256 w, uint8 category, uint256 hashSeed) external {
        p = bound(p, 0, ACTORS - 1);
        w = bound(w, 0, ACTORS - 1);
        category = uint8(bound(category, 0, 31));
        bytes32 contentHash = keccak256(abi.encode(bound(hashSeed, 0, 50), p));
        bool live = _expiresAt[p][w] == 0 || block.timestamp < _expiresAt[p][w];
        bool mayWrite =
            p == w || (_write[p][w] && _scope[p][w] & (uint32(1) << category) != 0 && live);
        bool expected = mayWrite && !_used[contentHash];

        bytes32[] memory hashes = new bytes32[](1);
        hashes[0] = contentHash;
        uint8[] memory categories = new uint8[](1);
        categories[0] = category;
        vm.prank(actor(w));
        try index.anchor(actor(p), hashes, categories) {
            if (!expected) ++unauthorizedAnchors;
            _used[contentHash] = true;
            ++ghostRecords[p];
        } catch {
            if (expected) ++refusedAllowedAnchors;
        }
    }
}
