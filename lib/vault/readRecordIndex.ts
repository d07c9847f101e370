import type { Address, Hex, PublicClient } from 'viem';
import { recordIndexAbi } from '../../contracts-abi';

/** A record as anchored on-chain: no content, only what proves and files it. */
export type AnchoredRecord = {
  index: number;
  contentHash: Hex;
  category: number;
  author: Address;
  anchoredAt: number;
};

/** Records per eth_call; 1,000 records is one call. */
export const RECORD_PAGE_SIZE = 1_000;

/** Every record anchored for `patient`, oldest first, a page per eth_call. */
export async function readRecordIndex(
  client: PublicClient,
  recordIndex: Address,
  patient: Address,
): Promise<AnchoredRecord[]> {
  const records: AnchoredRecord[] = [];
  for (let offset = 0; ; offset += RECORD_PAGE_SIZE) {
    const page = await client.readContract({
      address: recordIndex,
      abi: recordIndexAbi,
      functionName: 'recordsOf',
      args: [patient, BigInt(offset), BigInt(RECORD_PAGE_SIZE)],
    });
    page.forEach((record, i) =>
      records.push({
        index: offset + i,
        contentHash: record.contentHash,
        category: record.category,
        author: record.author,
        anchoredAt: record.anchoredAt,
      }),
    );
    if (page.length < RECORD_PAGE_SIZE) return records;
  }
}
