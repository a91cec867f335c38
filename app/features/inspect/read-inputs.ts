/**
 * Turn what the user gave (files, pasted text) into worker inputs. Files over the size cap are
 * refused here, before their bytes are read, with a sentence that names the file and the cap.
 */
import { formatBytes, MAX_INPUT_BYTES } from '../../pki/light/index.ts';
import type { InspectInput } from '../../flows/inspect-report.ts';

/** The reader's own cap: a file above it is refused here, unread, with the same numbers. */
export { MAX_INPUT_BYTES };

export interface Rejected {
  name: string;
  message: string;
}

/** Read files into inputs; oversized or unreadable files are returned as `rejected`. */
export async function readFiles(files: readonly File[]): Promise<{ inputs: InspectInput[]; rejected: Rejected[] }> {
  const inputs: InspectInput[] = [];
  const rejected: Rejected[] = [];
  for (const file of files) {
    if (file.size > MAX_INPUT_BYTES) {
      rejected.push({
        name: file.name,
        message: `${file.name} is ${formatBytes(file.size)}; certbench reads inputs up to ${formatBytes(MAX_INPUT_BYTES)}. Certificates, keys and keystores are a few kilobytes: is this the right file?`,
      });
      continue;
    }
    try {
      inputs.push({ name: file.name, data: new Uint8Array(await file.arrayBuffer()) });
    } catch {
      rejected.push({ name: file.name, message: `${file.name} could not be read from disk.` });
    }
  }
  return { inputs, rejected };
}

/** The pasted text as an input, or nothing when it is blank. */
export function pastedInput(text: string): InspectInput[] {
  return text.trim() ? [{ name: 'pasted text', data: text }] : [];
}
