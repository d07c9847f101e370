// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title DemoStableToken
/// @notice A worthless stand-in for a stablecoin on the local chain only: six decimals, like USDC,
/// with the whole supply minted to one holder at deployment (the demo researcher).
contract DemoStableToken is ERC20 {
    constructor(address holder, uint256 supply) ERC20("OwnChart Demo Dollar", "oUSD") {
        _mint(holder, supply);
    }

    function decimals() public pure override returns (uint8) {
        return 6;
    }
}
