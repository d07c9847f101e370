import { formatUnits } from 'viem';

/** A token amount as people read it: "12.5 oUSD". */
export function formatTokenAmount(value: bigint, token: { symbol: string; decimals: number }): string {
  const [whole, fraction] = formatUnits(value, token.decimals).split('.');
  const grouped = BigInt(whole!).toLocaleString('en-US');
  return `${fraction ? `${grouped}.${fraction.slice(0, 2).padEnd(2, '0')}` : grouped} ${token.symbol}`;
}
