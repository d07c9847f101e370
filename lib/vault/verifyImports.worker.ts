/**
 * Runs verifyImports in a Web Worker: checking a thousand leaves against their roots was one
 * main-thread task of 120–200 ms, during which a chart could not scroll or answer a tap.
 */
import type { Address } from 'viem';
import type { RecordAnchor } from './readRecordAnchors';
import type { LeafProof } from './recordTree';
import { verifyImports, type VerifiedImports } from './verifyImports';

export type VerifyRequest = {
  id: number;
  anchors: RecordAnchor[];
  imports: LeafProof[];
  patient: Address;
  readable: number[];
};
export type VerifyReply = { id: number; result: VerifiedImports };

self.onmessage = ({ data }: MessageEvent<VerifyRequest>) => {
  const { id, anchors, imports, patient, readable } = data;
  const reply: VerifyReply = { id, result: verifyImports(anchors, imports, { patient, readable: new Set(readable) }) };
  self.postMessage(reply);
};
