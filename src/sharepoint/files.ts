// The "WRES Data" document library: uploads (chunked above 10 MB, with progress), downloads as
// bytes, and the folder listing with size, modified and by whom.
import type { SPFI } from "@pnp/sp";
import "@pnp/sp/webs/index.js";
import "@pnp/sp/lists/index.js";
import "@pnp/sp/folders/index.js";
import "@pnp/sp/files/index.js";
import type { DataFile } from "../plan";
import { toAppError } from "./errors";
import { toDataFile, type SpItem } from "./mapping";
import { planList } from "./lists";

/** Above this size uploads go in chunks (SharePoint's simple upload tops out around 250 MB and times out well before). */
export const CHUNK_THRESHOLD = 10 * 1024 * 1024;

const FILE_SELECT = ["Name", "ServerRelativeUrl", "Length", "TimeLastModified", "ModifiedBy/Title"];

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export function createFileStore(sp: SPFI, options: { chunkSize?: number } = {}) {
  const chunkSize = options.chunkSize ?? CHUNK_THRESHOLD;
  const folder = () => planList(sp.web, "dataFiles").rootFolder;

  async function describe(serverRelativeUrl: string): Promise<DataFile> {
    const info = await sp.web
      .getFileByServerRelativePath(serverRelativeUrl)
      .select(...FILE_SELECT)
      .expand("ModifiedBy")<SpItem>();
    return toDataFile(info);
  }

  return {
    async list(): Promise<DataFile[]> {
      try {
        const files = await folder()
          .files.select(...FILE_SELECT)
          .expand("ModifiedBy")<SpItem[]>();
        return files.map(toDataFile).sort((a, b) => a.name.localeCompare(b.name));
      } catch (error) {
        throw toAppError(error);
      }
    },

    async upload(name: string, bytes: Uint8Array, onProgress?: (fraction: number) => void): Promise<DataFile> {
      try {
        let info: SpItem;
        if (bytes.byteLength > chunkSize) {
          // One stream chunk holding the bytes: @pnp slices it into upload chunks without re-copying.
          const stream = new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(bytes);
              controller.close();
            },
          });
          info = (await folder().files.addChunked(name, stream, {
            Overwrite: true,
            chunkSize,
            progress: (data) => onProgress?.(Math.min(1, Number(data.offset) / bytes.byteLength)),
          })) as unknown as SpItem;
        } else {
          info = (await folder().files.addUsingPath(name, toArrayBuffer(bytes), {
            Overwrite: true,
          })) as unknown as SpItem;
        }
        onProgress?.(1);
        return await describe(String(info["ServerRelativeUrl"]));
      } catch (error) {
        throw toAppError(error);
      }
    },

    async download(serverRelativeUrl: string): Promise<Uint8Array> {
      try {
        return new Uint8Array(await sp.web.getFileByServerRelativePath(serverRelativeUrl).getBuffer());
      } catch (error) {
        throw toAppError(error);
      }
    },
  };
}
