// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title AddressList
/// @notice An unordered list of addresses with swap-and-pop removal, whose length shares a slot
/// with its first element.
/// @dev A plain `address[]` spends a fresh slot on the length and another on the first element;
/// most accounts here hold few grants, so packing them saves a 20k-gas slot write on an
/// account's first entry. Callers keep their own index of where each address sits.
library AddressList {
    struct List {
        /// @dev bits 0..159: element 0; bits 160..255: length.
        uint256 _head;
        mapping(uint256 index => address) _tail;
    }

    uint256 private constant _LENGTH_SHIFT = 160;
    // One in the length field (bits 160 and up): shifting 1 left by 160 is the intent.
    // forge-lint: disable-next-line(incorrect-shift)
    uint256 private constant _ONE = 1 << _LENGTH_SHIFT;
    uint256 private constant _ADDRESS_MASK = _ONE - 1;

    function length(List storage list) internal view returns (uint256) {
        return list._head >> _LENGTH_SHIFT;
    }

    /// @dev `index` must be below `length(list)`.
    function at(List storage list, uint256 index) internal view returns (address) {
        return index == 0 ? address(uint160(list._head)) : list._tail[index];
    }

    /// @notice Appends `account` and returns the new length.
    function push(List storage list, address account) internal returns (uint256 newLength) {
        uint256 head = list._head;
        uint256 len = head >> _LENGTH_SHIFT;
        if (len == 0) {
            list._head = _ONE | uint160(account);
        } else {
            list._tail[len] = account;
            list._head = head + _ONE;
        }
        return len + 1;
    }

    /// @notice Removes the element at `index` by moving the last one into its place.
    /// @return moved The address now at `index`, or zero when the removed element was the last.
    function removeAt(List storage list, uint256 index) internal returns (address moved) {
        uint256 head = list._head;
        uint256 last = (head >> _LENGTH_SHIFT) - 1;
        if (last == 0) {
            delete list._head;
            return address(0);
        }
        if (index != last) {
            moved = list._tail[last];
            if (index == 0) head = (head & ~_ADDRESS_MASK) | uint160(moved);
            else list._tail[index] = moved;
        }
        delete list._tail[last];
        list._head = head - _ONE;
    }
}
