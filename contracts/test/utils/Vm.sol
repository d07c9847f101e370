// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @dev The few forge cheatcodes these tests use. forge-std is not on npm in a current version,
/// so we declare them ourselves against the HEVM address.
interface Vm {
    function warp(uint256 newTimestamp) external;
    function prank(address msgSender) external;
    function startPrank(address msgSender) external;
    function stopPrank() external;
    function expectRevert(bytes calldata revertData) external;
    function expectEmit(bool checkTopic1, bool checkTopic2, bool checkTopic3, bool checkData)
        external;
    function expectEmit(address emitter) external;
    function assume(bool condition) external;
    function addr(uint256 privateKey) external pure returns (address);
    function snapshotGasLastCall(string calldata group, string calldata name)
        external
        returns (uint256 gasUsed);
    function label(address account, string calldata newLabel) external;
}
