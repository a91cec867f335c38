/** The workspace as an inventory (issue 11): pure functions over plain items, for the views and their tests. */
export type { InventoryItem, InventoryMeta, LifecycleMeta } from './types.ts';
export { naturalCompare, naturalSort } from './natural-order.ts';
export { EXPIRING_SOON_DAYS, expiryOf, isSuperseded, itemStatus, type Expiry, type ItemStatus } from './status.ts';
export { dependantsOf } from './dependants.ts';
export { issuerTree, clusterGroups, type TreeNode, type ClusterGroup } from './tree.ts';
export { inventoryRows, expiringSoon, type InventoryQuery, type InventoryRow, type StatusFilter } from './filter.ts';
