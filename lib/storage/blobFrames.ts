import { concatBytes } from '@noble/hashes/utils.js';
import { bytesToHex, hexToBytes } from 'viem';
import type { ContentHash } from './BlobStore';

/**
 * The batch wire format for many blobs in one body, both ways (a chart's batch read, an import's
 * batch upload):
 * frames of hash (32 bytes) · length (4 bytes, big-endian) · blob; a damaged record is a frame
 * of length 0xffffffff with no bytes; the answer ends with a trailer of 32 zero bytes and the
 * number of frames, so a stream cut short is known to be incomplete, never taken as "missing".
 */
export const DAMAGED_FRAME_LENGTH = 0xffffffff;
const HEAD_BYTES = 36;
const TRAILER_HASH = new Uint8Array(32);

export const DAMAGED = 'damaged' as const;

export function frameHead(hash: ContentHash, length: number): Uint8Array {
  const head = new Uint8Array(HEAD_BYTES);
  head.set(hexToBytes(hash));
  new DataView(head.buffer).setUint32(32, length);
  return head;
}

export function frameTrailer(frames: number): Uint8Array {
  const trailer = new Uint8Array(HEAD_BYTES);
  new DataView(trailer.buffer).setUint32(32, frames);
  return trailer;
}

/** Frames for `blobs`, then the trailer: one body to send. */
export function encodeFrames(blobs: readonly { hash: ContentHash; bytes: Uint8Array }[]): Uint8Array {
  return concatBytes(
    ...blobs.flatMap(({ hash, bytes }) => [frameHead(hash, bytes.length), bytes]),
    frameTrailer(blobs.length),
  );
}

export class IncompleteAnswerError extends Error {
  override name = 'IncompleteAnswerError';
  constructor() {
    super('The storage server’s answer was cut short, so these records could not all be checked. Try again.');
  }
}

/** The blobs of one answer; throws IncompleteAnswerError unless it ends with a matching trailer. */
export function parseFrames(bytes: Uint8Array): Map<ContentHash, Uint8Array | typeof DAMAGED> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const blobs = new Map<ContentHash, Uint8Array | typeof DAMAGED>();
  let frames = 0;
  for (let at = 0; at + HEAD_BYTES <= bytes.length;) {
    const hashBytes = bytes.subarray(at, at + 32);
    const length = view.getUint32(at + 32);
    if (hashBytes.every((b, i) => b === TRAILER_HASH[i])) {
      if (length !== frames || at + HEAD_BYTES !== bytes.length) break;
      return blobs;
    }
    frames += 1;
    const hash = bytesToHex(hashBytes);
    if (length === DAMAGED_FRAME_LENGTH) {
      blobs.set(hash, DAMAGED);
      at += HEAD_BYTES;
      continue;
    }
    if (at + HEAD_BYTES + length > bytes.length) break;
    blobs.set(hash, bytes.subarray(at + HEAD_BYTES, at + HEAD_BYTES + length));
    at += HEAD_BYTES + length;
  }
  throw new IncompleteAnswerError();
}
