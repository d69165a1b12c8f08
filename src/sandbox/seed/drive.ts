import { userByAlias } from '../directory';
import { ALEX_DOCUMENTS, MEGAN_DOCUMENTS } from '../drive/seed-documents';
import { seedDocuments } from '../drive/seed';
import type { SandboxStore } from '../store/store';

/** Seed Alex's and Megan's OneDrives with real .docx/.xlsx/.pdf/.txt files, relative to `now`. */
export function seedDrive(store: SandboxStore, now: Date): void {
  seedDocuments(store, userByAlias('alexw'), now, ALEX_DOCUMENTS);
  seedDocuments(store, userByAlias('meganb'), now, MEGAN_DOCUMENTS);
}
