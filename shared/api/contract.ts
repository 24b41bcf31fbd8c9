import type { z } from 'zod';
import { backupMethods } from './backup';
import { chartsMethods } from './charts';
import { demoMethods } from './demo';
import { exportMethods } from './export';
import { filesMethods } from './files';
import { newsMethods } from './news';
import { pricesMethods } from './prices';
import { settingsMethods } from './settings';
import { systemMethods } from './system';
import { securitiesMethods } from './securities';
import { transactionsMethods } from './transactions';
import { updatesMethods } from './updates';
import { holdingsMethods } from './holdings';
import { accountsMethods } from './accounts';
import { cashMethods } from './cash';
import { returnsMethods } from './returns';
import { incomeMethods } from './income';

/**
 * Every backend method, once. The UI reaches data only through these names;
 * IPC (desktop) and HTTP (browser mode) both serve this map through one router.
 * Adding a method: add it to its feature's slice, implement it in that feature's
 * handlers; a feature's slice is spread in here once.
 */
export const contract = {
  ...systemMethods,
  ...settingsMethods,
  ...chartsMethods,
  ...demoMethods,
  ...securitiesMethods,
  ...transactionsMethods,
  ...holdingsMethods,
  ...pricesMethods,
  ...backupMethods,
  ...exportMethods,
  ...newsMethods,
  ...accountsMethods,
  ...cashMethods,
  ...returnsMethods,
  ...incomeMethods,
  ...updatesMethods,
  ...filesMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}
