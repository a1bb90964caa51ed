// SharePoint Online's own limits and naming rules, applied by the local server with SharePoint's
// error shapes. Each rule cites where SharePoint documents or shows it; nothing here is stricter
// than SharePoint. Where SharePoint's exact HRESULT for a refusal is not documented, the generic
// SPException code (-2146232832, 0x80131500) is used with SharePoint's own wording.
import { SpError } from "./errors";

/**
 * Request bodies SharePoint reads as a message (JSON entity bodies and $batch): at most 1 MiB.
 * SharePoint Online refuses more with InvalidClientQueryException "The maximum number of bytes
 * allowed to be read from the stream has been exceeded…" (seen on REST item writes and $batch:
 * https://github.com/pnp/pnpjs/issues/2980, https://github.com/pnp/pnpcore/issues/777).
 */
export const MAX_MESSAGE_BYTES = 1_048_576;

/**
 * Any request body (file content included): at most 262,144,000 bytes (250 MiB); larger files go
 * in chunks (startUpload/continueUpload). SharePoint Online's refusal, InvalidClientQueryException
 * "The request message is too big. The server does not allow messages larger than 262144000
 * bytes." (https://github.com/s-kainet/spsave/issues/37; chunked uploads:
 * https://learn.microsoft.com/sharepoint/dev/solution-guidance/upload-large-files-sample-app-for-sharepoint)
 */
export const MAX_REQUEST_BYTES = 262_144_000;

/**
 * Operations in one $batch: SharePoint Online's REST $batch takes at most 100 requests; clients
 * split larger sets (PnP Core SDK batching, https://pnp.github.io/pnpcore/using-the-sdk/basics-batching.html;
 * @pnp/sp sends at most 20 per $batch).
 */
export const MAX_BATCH_OPERATIONS = 100;

/**
 * Single line of text: at most 255 characters ("List and library column types and options",
 * https://support.microsoft.com/office/list-and-library-column-types-and-options-0d8ddb7b-7dc7-414d-a283-ee9dca891df7).
 */
export const MAX_TEXT_LENGTH = 255;

/**
 * The whole decoded server-relative path of a file or folder, name included: at most 400
 * characters in SharePoint Online (https://support.microsoft.com/office/restrictions-and-limitations-in-onedrive-and-sharepoint-64883a5d-228e-48f5-b3d2-eb39e07630fa).
 * SharePoint Online has no separate, shorter limit per name.
 */
export const MAX_PATH_LENGTH = 400;

/**
 * Nesting of a $filter expression (parentheses and `not`). OData's URI parser (Microsoft.Data.OData,
 * on which SharePoint's REST service is built) stops a too-deep expression with "Recursion depth
 * exceeded allowed limit." instead of running out of stack; SharePoint does not document its
 * depth, so 100 is this server's figure (far deeper than any query @pnp/sp or the tab builds).
 */
export const MAX_FILTER_DEPTH = 100;

const INVALID_QUERY = "-1, Microsoft.SharePoint.Client.InvalidClientQueryException";
const SP_EXCEPTION = "-2146232832, Microsoft.SharePoint.SPException";

export function messageTooLarge(bytesRead: number): SpError {
  return new SpError(
    400,
    INVALID_QUERY,
    `The maximum number of bytes allowed to be read from the stream has been exceeded. After the last read operation, a total of ${bytesRead} bytes has been read from the stream; however a maximum of ${MAX_MESSAGE_BYTES} bytes is allowed.`,
  );
}

export function requestTooLarge(): SpError {
  return new SpError(
    400,
    INVALID_QUERY,
    `The request message is too big. The server does not allow messages larger than ${MAX_REQUEST_BYTES} bytes.`,
  );
}

export function tooManyBatchOperations(count: number): SpError {
  return new SpError(
    400,
    INVALID_QUERY,
    `The $batch request contains ${count} operations; a maximum of ${MAX_BATCH_OPERATIONS} operations is allowed in one $batch request.`,
  );
}

export function filterTooDeep(): SpError {
  return new SpError(400, INVALID_QUERY, "Recursion depth exceeded allowed limit.");
}

/**
 * Request paths whose body is file content (up to MAX_REQUEST_BYTES); every other body is a
 * message (up to MAX_MESSAGE_BYTES).
 */
export function carriesFileContent(path: string): boolean {
  return /\/(files\/add(usingpath)?|attachmentfiles\/add(usingpath)?|\$value|startupload|continueupload|finishupload)(\(|\/|$)/i.test(
    path,
  );
}

/** The most bytes a request to this path may send. */
export function bodyLimitFor(path: string): number {
  return carriesFileContent(path) ? MAX_REQUEST_BYTES : MAX_MESSAGE_BYTES;
}

/**
 * A text value longer than its field allows. SharePoint Online answers HTTP 500 with
 * `-2130575336, Microsoft.SharePoint.SPException` and "Invalid text value." followed by a blank
 * line and "A text field contains invalid data. Please check the value and try again.", naming no
 * field (reported answers of SharePoint Online's REST API; Microsoft documents the 255-character
 * limit, https://support.microsoft.com/office/list-and-library-column-types-and-options-0d8ddb7b-7dc7-414d-a283-ee9dca891df7,
 * but not the answer). The tab checks lengths itself before writing, naming the field.
 */
export function textTooLong(): SpError {
  return new SpError(
    500,
    "-2130575336, Microsoft.SharePoint.SPException",
    "Invalid text value.\n\nA text field contains invalid data. Please check the value and try again.",
  );
}

/** The most characters a Text field takes: its MaxLength, never above 255. */
export function textLimit(maxLength: unknown): number {
  const n = typeof maxLength === "number" && Number.isInteger(maxLength) && maxLength > 0 ? maxLength : MAX_TEXT_LENGTH;
  return Math.min(n, MAX_TEXT_LENGTH);
}

// File and folder names, from "Restrictions and limitations in OneDrive and SharePoint"
// (https://support.microsoft.com/office/restrictions-and-limitations-in-onedrive-and-sharepoint-64883a5d-228e-48f5-b3d2-eb39e07630fa):
// the characters " * : < > ? / \ | anywhere; leading or trailing spaces; the names .lock, CON,
// PRN, AUX, NUL, COM0-COM9, LPT0-LPT9 and desktop.ini; names starting with ~$; _vti_ anywhere.
// Control characters are refused too, as @pnp/sp's own check for SharePoint Online does
// (containsInvalidFileFolderChars: U+0000-U+001F, U+007F-U+009F). "." and ".." are path steps,
// never names. Other characters, right-to-left overrides among them, are accepted as SharePoint does.
// eslint-disable-next-line no-control-regex
const INVALID_NAME_CHARS = /["*:<>?/\\|\u0000-\u001f\u007f-\u009f]/;
const RESERVED_NAMES = /^(\.lock|con|prn|aux|nul|com[0-9]|lpt[0-9]|desktop\.ini)$/i;

export function invalidName(): SpError {
  return new SpError(
    400,
    SP_EXCEPTION,
    "The file or folder name contains characters that are not permitted. Please use a different name.",
  );
}

export function pathTooLong(length: number): SpError {
  return new SpError(
    400,
    SP_EXCEPTION,
    `The specified file or folder name is too long. The URL path for all files and folders must be ${MAX_PATH_LENGTH} characters or less. Please type a shorter file or folder name. (This path has ${length} characters.)`,
  );
}

/** Checks a new file's name and its decoded server-relative path; throws SharePoint's refusal. */
export function assertValidFileName(name: string, serverRelativePath: string): void {
  if (
    name === "" ||
    name === "." ||
    name === ".." ||
    INVALID_NAME_CHARS.test(name) ||
    name !== name.trim() ||
    RESERVED_NAMES.test(name) ||
    name.startsWith("~$") ||
    /_vti_/i.test(name)
  ) {
    throw invalidName();
  }
  const length = [...serverRelativePath].length;
  if (length > MAX_PATH_LENGTH) throw pathTooLong(length);
}
