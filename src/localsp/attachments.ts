// List item attachments as SharePoint Online keeps them: files in the list's hidden folder
// `<list URL>/Attachments/<item id>/<file name>`, reached through `items(id)/AttachmentFiles`.
// Sources:
//  - SP.Attachment and the AttachmentFiles endpoint (GET, add(FileName=...), ('name')/$value, DELETE):
//    https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-visio/jj246450(v=office.15)
//    and https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/working-with-lists-and-list-items-with-rest
//  - attachments belong to list items, not to document library items (SPAttachment,
//    https://learn.microsoft.com/en-us/sharepoint/dev/schema/attachment-element-deploymentmanifest)
//  - a name already used on the item is refused with 0x81020067, an empty file with 0x8007000d
//    (MS-LISTSWS AddAttachment, https://learn.microsoft.com/en-us/openspecs/sharepoint_protocols/ms-listsws/cbce631b-9cbc-4c3d-9b65-922b103f94e2)
//  - file-name rules and the 250 MB per-file limit: "Restrictions and limitations in OneDrive and
//    SharePoint", https://support.microsoft.com/office/restrictions-and-limitations-in-onedrive-and-sharepoint-64883a5d-228e-48f5-b3d2-eb39e07630fa
import { SpError } from "./errors";
import type { ListRow } from "./store";

/** The folder holding one item's attachments, server-relative. */
export function attachmentFolder(sitePath: string, list: ListRow, itemId: number): string {
  return `${sitePath}/${list.urlName}/Attachments/${itemId}`;
}

/** The SP.Attachment properties SharePoint Online sends. */
export function attachmentProps(path: string, name: string): Record<string, unknown> {
  return {
    FileName: name,
    FileNameAsPath: { DecodedUrl: name },
    ServerRelativePath: { DecodedUrl: path },
    ServerRelativeUrl: path,
  };
}

/** 0x81020067: the name is taken on this item. */
export function attachmentExists(path: string): SpError {
  return new SpError(
    400,
    "-2130575257, Microsoft.SharePoint.SPException",
    `A file with the name ${path} already exists.`,
  );
}

/** 0x8007000d: an attachment must have content. */
export function attachmentEmpty(): SpError {
  return new SpError(
    400,
    "-2147024883, System.ArgumentException",
    "The attachment is empty. Attach a file with content.",
  );
}

/**
 * A list whose owner turned attachments off (List settings > Advanced settings > Attachments:
 * Disabled). Microsoft documents the setting, not the REST answer's wording; the code is the
 * SPException SharePoint raises for a list operation it does not allow. The tab reads
 * `EnableAttachments` first and says so in its own words.
 */
export function attachmentsDisabled(): SpError {
  return new SpError(400, "-2130575257, Microsoft.SharePoint.SPException", "Attachments are disabled for this list.");
}

/** The meta key recording that a list's attachments were turned off (on by default for a list). */
export function attachmentsOffKey(listGuid: string): string {
  return `attachments-off:${listGuid.toLowerCase()}`;
}
