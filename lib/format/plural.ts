/** "1 record", "2 records", "1,000 records": a count with its noun. */
export const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
