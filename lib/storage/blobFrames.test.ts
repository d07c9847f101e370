import { concatBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import {
  DAMAGED,
  DAMAGED_FRAME_LENGTH,
  frameHead,
  frameTrailer,
  IncompleteAnswerError,
  parseFrames,
} from './blobFrames';
import { sha256Hex } from './sha256Hex';

const a = new TextEncoder().encode('first record');
const b = new TextEncoder().encode('second');

describe('batch-read frames', () => {
  it('round-trip blobs and damaged markers', () => {
    const damaged = sha256Hex(new Uint8Array([9]));
    const answer = concatBytes(
      frameHead(sha256Hex(a), a.length),
      a,
      frameHead(damaged, DAMAGED_FRAME_LENGTH),
      frameHead(sha256Hex(b), b.length),
      b,
      frameTrailer(3),
    );
    const blobs = parseFrames(answer);
    expect(blobs.get(sha256Hex(a))).toEqual(a);
    expect(blobs.get(damaged)).toBe(DAMAGED);
    expect(blobs.get(sha256Hex(b))).toEqual(b);
  });

  it('refuse an answer cut short, with or without a trailer, instead of calling records missing', () => {
    const whole = concatBytes(frameHead(sha256Hex(a), a.length), a, frameTrailer(1));
    expect(() => parseFrames(whole.subarray(0, whole.length - 36))).toThrow(IncompleteAnswerError);
    expect(() => parseFrames(whole.subarray(0, 40))).toThrow(IncompleteAnswerError);
    expect(() => parseFrames(concatBytes(frameHead(sha256Hex(a), a.length), a, frameTrailer(2)))).toThrow(
      IncompleteAnswerError,
    );
    expect(parseFrames(frameTrailer(0)).size).toBe(0);
  });
});
