import type { Permission } from './types';

/** On-chain enum IAccessRegistry.Permission: None = 0, Read = 1, ReadWrite = 2. */
export function permissionFromChain(value: number): Permission | null {
  if (value === 1) return 'read';
  if (value === 2) return 'readWrite';
  return null;
}

export function permissionToChain(permission: Permission): 1 | 2 {
  return permission === 'read' ? 1 : 2;
}

export function describePermission(permission: Permission): string {
  return permission === 'read' ? 'Read' : 'Read and add records';
}
