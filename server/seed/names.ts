// Moved to platform/demo-data so modules' demo seeds can use it without importing server/seed.
export * from '../platform/demo-data/names.ts';
