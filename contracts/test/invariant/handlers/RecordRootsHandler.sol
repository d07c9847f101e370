// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../../utils/Test.sol";
import {AccessRegistry} from "../../../src/AccessRegistry.sol";
import {IAccessRegistry} from "../../../src/IAccessRegistry.sol";
import {RecordRoots} from "../../../src/RecordRoots.sol";

/// @dev Drives grants, revokes, time and anchoring attempts by patients and other accounts,
/// predicts from a ghost copy of the grants whether each anchor should succeed, and replays the
/// accepted anchors into a ghost chain head, as a reader replays the events.
contract RecordRootsHandler is Test {
    AccessRegistry public immutable registry;
    RecordRoots public immutable roots;
    uint256 public constant ACTORS = 4;

    mapping(uint256 => mapping(uint256 => uint32)) internal _scope;
    mapping(uint256 => mapping(uint256 => bool)) internal _write;
    mapping(uint256 => mapping(uint256 => uint40)) internal _expiresAt;
    mapping(uint256 => bytes32) public ghostHead;

    /// Anchors that succeeded although the ghost says they must not, and the reverse.
    uint256 public unauthorizedAnchors;
    uint256 public refusedAllowedAnchors;

    constructor(AccessRegistry registry_, RecordRoots roots_) {
        registry = registry_;
        roots = roots_;
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

    function anchor(uint256 p, uint256 w, bytes32 root) external {
        p = bound(p, 0, ACTORS - 1);
        w = bound(w, 0, ACTORS - 1);
        if (root == bytes32(0)) root = keccak256("zero");
        bool live = _expiresAt[p][w] == 0 || block.timestamp < _expiresAt[p][w];
        uint32 scope = p == w ? type(uint32).max : (_write[p][w] && live ? _scope[p][w] : 0);

        vm.prank(actor(w));
        try roots.anchor(actor(p), root) {
            if (scope == 0) ++unauthorizedAnchors;
            ghostHead[p] =
                keccak256(abi.encode(ghostHead[p], root, actor(w), scope, uint40(block.timestamp)));
        } catch {
            if (scope != 0) ++refusedAllowedAnchors;
        }
    }
}
