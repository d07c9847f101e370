/**
 * npm run addresses: rewrites contracts-abi/addresses/index.ts from the <chainId>.json files beside
 * it, after one was edited by hand (npm run deploy does this itself).
 */
import { ADDRESSES_DIR, writeAddressIndex } from './lib/deployContracts';

await writeAddressIndex(ADDRESSES_DIR);
