import { writeAddressIndex } from './lib/deployContracts';
await writeAddressIndex('contracts-abi/addresses');
