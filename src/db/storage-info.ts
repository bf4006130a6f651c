export interface StorageInfo {
  /** null when the browser does not say. */
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

function storageManager(): StorageManager | null {
  return typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null;
}

export async function readStorageInfo(): Promise<StorageInfo> {
  const sm = storageManager();
  if (!sm) return { persisted: null, usage: null, quota: null };
  const [persisted, estimate] = await Promise.all([
    sm.persisted ? sm.persisted().catch(() => null) : Promise.resolve(null),
    sm.estimate ? sm.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

/** Asks the browser not to evict our data under storage pressure. */
export async function requestPersistence(): Promise<boolean | null> {
  const sm = storageManager();
  if (!sm?.persist) return null;
  try {
    return await sm.persist();
  } catch {
    return null;
  }
}
