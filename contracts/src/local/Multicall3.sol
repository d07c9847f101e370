// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Multicall3 (local-chain stand-in)
/// @notice The subset of the canonical Multicall3 (0xcA11bde05977b3631167028862bE2a173976CA11)
/// that viem's multicall batching and our reads use. Real networks already have the canonical
/// contract; Anvil does not unless forking, so scripts/lib/setupChain.ts places this runtime
/// code at the canonical address with `anvil_setCode`.
contract Multicall3 {
    struct Call3 {
        address target;
        bool allowFailure;
        bytes callData;
    }

    struct Result {
        bool success;
        bytes returnData;
    }

    error Multicall3CallFailed(uint256 index);

    function aggregate3(Call3[] calldata calls) external payable returns (Result[] memory results) {
        results = new Result[](calls.length);
        for (uint256 i; i < calls.length; ++i) {
            (bool success, bytes memory returnData) = calls[i].target.call(calls[i].callData);
            if (!success && !calls[i].allowFailure) revert Multicall3CallFailed(i);
            results[i] = Result(success, returnData);
        }
    }

    function getCurrentBlockTimestamp() external view returns (uint256 timestamp) {
        timestamp = block.timestamp;
    }

    function getBlockNumber() external view returns (uint256 blockNumber) {
        blockNumber = block.number;
    }
}
