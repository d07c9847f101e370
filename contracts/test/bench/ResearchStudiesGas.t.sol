// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Test} from "../utils/Test.sol";
import {ResearchStudies} from "../../src/ResearchStudies.sol";
import {DemoStableToken} from "../../src/local/DemoStableToken.sol";

/// @dev Gas per research action, each an isolated transaction (`snapshots/research.json`).
contract ResearchStudiesGasTest is Test {
    address internal constant RESEARCHER = address(0x5EA);
    address internal constant PATIENT = address(0xA11CE);
    bytes32 internal constant CONSENT = keccak256("consent");

    function test_bench_researchStudies() public {
        vm.warp(1_700_000_000);
        ResearchStudies studies = new ResearchStudies();
        DemoStableToken token = new DemoStableToken(RESEARCHER, 1_000e6);

        vm.startPrank(RESEARCHER);
        token.approve(address(studies), type(uint256).max);
        uint256 id = studies.publish(
            IERC20(address(token)), 25e6, 100, 1_800_000_000, 0x11, keccak256("meta"), CONSENT
        );
        vm.snapshotGasLastCall("research", "publish");
        studies.fund(id, 500e6);
        vm.snapshotGasLastCall("research", "fund");
        vm.stopPrank();

        vm.startPrank(PATIENT);
        studies.enrol(id, CONSENT);
        vm.snapshotGasLastCall("research", "enrol");
        studies.contribute(id, keccak256("extract"));
        vm.snapshotGasLastCall("research", "contribute");
        vm.stopPrank();

        vm.prank(RESEARCHER);
        studies.review(id, PATIENT, true);
        vm.snapshotGasLastCall("research", "accept");

        vm.startPrank(PATIENT);
        studies.claim(id);
        vm.snapshotGasLastCall("research", "claim");
        studies.withdraw(id);
        vm.snapshotGasLastCall("research", "withdraw");
        vm.stopPrank();

        vm.prank(RESEARCHER);
        studies.close(id);
        vm.snapshotGasLastCall("research", "close");
    }
}
