// s3rver ships no types; this is the part scripts/lib/s3.ts uses.
declare module 's3rver' {
  const S3rver: new (options: Record<string, unknown>) => unknown;
  export default S3rver;
}
