// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../utils/Test.sol";
import {AccessRegistry} from "../../src/AccessRegistry.sol";
import {IAccessRegistry} from "../../src/IAccessRegistry.sol";

contract AccessRegistryFuzzTest is Test {
    AccessRegistry internal registry;
    uint256 internal constant START = 1_700_000_000;

    function setUp() public {
        registry = new AccessRegistry();
        vm.warp(START);
    }

    function _actors(uint256 patientSeed, uint256 granteeSeed)
        internal
        pure
        returns (address patient, address grantee)
    {
        patient = address(uint160(bound(patientSeed, 1, type(uint160).max)));
        grantee = address(uint160(bound(granteeSeed, 1, type(uint160).max)));
    }

    function testFuzz_grant_readsExactlyGrantedCategoriesUntilExpiry(
        uint256 patientSeed,
        uint256 granteeSeed,
        uint32 categories,
        uint8 category,
        uint256 lifetime,
        uint256 elapsed
    ) public {
        (address patient, address grantee) = _actors(patientSeed, granteeSeed);
        vm.assume(patient != grantee && categories != 0);
        lifetime = bound(lifetime, 1, 10 * 365 days);
        elapsed = bound(elapsed, 0, 20 * 365 days);
        uint40 expiresAt = uint40(START + lifetime);

        vm.prank(patient);
        registry.grant(patient, grantee, categories, IAccessRegistry.Permission.Read, expiresAt);
        vm.warp(START + elapsed);

        bool inScope = category < 32 && categories & (uint32(1) << category) != 0;
        bool live = elapsed < lifetime;
        assertTrue(registry.canRead(patient, grantee, category) == (inScope && live), "read");
        uint32 scope = registry.readScope(patient, grantee);
        assertTrue(
            (category < 32 && scope & (uint32(1) << category) != 0) == (inScope && live),
            "readScope agrees with canRead"
        );
        assertFalse(registry.canWrite(patient, grantee, category), "read-only never writes");
    }

    function testFuzz_revoke_endsEveryRead(
        uint256 patientSeed,
        uint256 granteeSeed,
        uint32 categories,
        uint8 category,
        bool withWrite
    ) public {
        (address patient, address grantee) = _actors(patientSeed, granteeSeed);
        vm.assume(patient != grantee && categories != 0);
        IAccessRegistry.Permission permission =
            withWrite ? IAccessRegistry.Permission.ReadWrite : IAccessRegistry.Permission.Read;

        vm.startPrank(patient);
        registry.grant(patient, grantee, categories, permission, 0);
        registry.revoke(patient, grantee);
        vm.stopPrank();

        assertFalse(registry.canRead(patient, grantee, category), "read after revoke");
        assertFalse(registry.canWrite(patient, grantee, category), "write after revoke");
        assertEq(registry.granteeCount(patient), 0, "patient list");
        assertEq(registry.patientCount(grantee), 0, "grantee list");
    }

    function testFuzz_grant_revertsOnExpiryNotInFuture(uint256 patientSeed, uint40 expiresAt)
        public
    {
        (address patient,) = _actors(patientSeed, 0);
        expiresAt = uint40(bound(expiresAt, 1, START));
        address grantee = patient == address(1) ? address(2) : address(1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessRegistry.AccessRegistryExpiryInPast.selector, expiresAt, START
            )
        );
        vm.prank(patient);
        registry.grant(patient, grantee, 1, IAccessRegistry.Permission.Read, expiresAt);
    }

    function testFuzz_grant_revertsForAnyoneButThePatient(address caller, address patient) public {
        vm.assume(caller != patient);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessRegistry.AccessRegistryNotPatient.selector, caller, patient
            )
        );
        vm.prank(caller);
        registry.grant(patient, address(0xC11), 1, IAccessRegistry.Permission.Read, 0);
    }
}
