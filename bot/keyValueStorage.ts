// botbuilder's Storage on top of the project's key-value store (lowdb files under DATA_DIR), so
// the conversation state survives a restart in the middle of a dialog.
import type { Storage, StoreItems } from 'botbuilder';
import type { KeyValueStore } from '../tickets/keyValueStore.js';

export class KeyValueStorage implements Storage {
  constructor(private readonly store: KeyValueStore) {}

  async read(keys: string[]): Promise<StoreItems> {
    return (await this.store.read(keys)) as StoreItems;
  }

  async write(changes: StoreItems): Promise<void> {
    await this.store.write(changes);
  }

  async delete(keys: string[]): Promise<void> {
    await this.store.delete(keys);
  }
}
