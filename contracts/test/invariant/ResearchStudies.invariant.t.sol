// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../utils/Test.sol";
import {ResearchStudies} from "../../src/ResearchStudies.sol";
import {DemoStableToken} from "../../src/local/DemoStableToken.sol";
import {ResearchStudiesHandler} from "./handlers/ResearchStudiesHandler.sol";

contract ResearchStudiesInvariantTest is Test {
    ResearchStudies internal studies;
    DemoStableToken internal token;
    ResearchStudiesHandler internal handler;

    function setUp() public {
        vm.warp(1_700_000_000);
        studies = new ResearchStudies();
        token = new DemoStableToken(address(this), 10_000e6);
        handler = new ResearchStudiesHandler(studies, token);
        for (uint256 r; r < handler.RESEARCHERS(); ++r) {
            token.transfer(handler.researcher(r), 5_000e6);
        }
        targetContract(address(handler));
    }

    /// The escrow balance always equals deposits minus payouts minus refunds, and covers exactly
    /// what is still owed: every escrow plus every accepted, unclaimed reward.
    function invariant_escrowEqualsDepositsMinusPayoutsMinusRefunds() public view {
        uint256 held = token.balanceOf(address(studies));
        assertEq(
            held,
            handler.ghostDeposits() - handler.ghostPayouts() - handler.ghostRefunds(),
            "balance"
        );
        assertEq(held, handler.owed(), "owed");
    }

    /// Reserves and enrolment slots always match the participants' standing: withdrawn
    /// patients never hold a slot unless paid, and every submission has its reward set aside.
    function invariant_reservesAndSlotsMatchParticipation() public view {
        assertTrue(handler.reservesAndSlotsMatch(), "reserves and slots");
    }

    /// Only an enrolled patient contributes; nobody is paid twice for one contribution.
    function invariant_consentAndSinglePayment() public view {
        assertEq(handler.contributionsWithoutConsent(), 0, "contribution without consent");
        assertEq(handler.doubleClaims(), 0, "double claim");
    }
}
