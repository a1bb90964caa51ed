/**
 * The token seam: everything above it (the SharePoint data layer, the UI) asks for a bearer token
 * through this one function shape, whether the token comes from MSAL (in Teams or a browser) or is
 * a local server's demo identity.
 */
export type TokenProvider = () => Promise<string>;
