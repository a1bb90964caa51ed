/**
 * Typed sign-in outcomes the UI translates into words and buttons. None of them carries a token,
 * and their messages never include one: they are safe to show and to log.
 */

export type SignInPurpose = "write" | "provision";

/**
 * A token cannot be had without the user: not signed in yet, consent never given, session expired.
 * The UI shows a "Sign in" button whose click handler calls `signIn()`; browsers (and Teams) only
 * allow the popup that follows when it starts from a user gesture, so nothing calls it by itself.
 */
export class InteractionRequired extends Error {
  override readonly name = "InteractionRequired";
  constructor(
    readonly purpose: SignInPurpose,
    /** MSAL's error code (`interaction_required`, `consent_required`, `no_tokens_found`, ...), for support. */
    readonly reason: string,
  ) {
    super(`Sign-in needed (${reason}).`);
  }
}

/** The user (or their organisation's policy) declined the permissions the product asks for. */
export class ConsentDeclinedError extends Error {
  override readonly name = "ConsentDeclinedError";
  constructor(
    /** True when the tenant requires an administrator to consent (the user alone cannot). */
    readonly adminConsentRequired: boolean,
    readonly reason: string,
  ) {
    super(
      adminConsentRequired
        ? "An administrator must approve this app's permissions."
        : "Permission to use SharePoint was declined.",
    );
  }
}

/** The user closed the sign-in window before finishing. Nothing is wrong: offer the button again. */
export class SignInCancelledError extends Error {
  override readonly name = "SignInCancelledError";
  constructor() {
    super("Sign-in was cancelled.");
  }
}

/**
 * The sign-in window could not open: the browser (or the host) blocked the popup. Nothing is
 * wrong with the account; the user allows popups, or simply clicks again.
 */
export class PopupBlockedError extends Error {
  override readonly name = "PopupBlockedError";
  constructor(
    /** MSAL's error code (`popup_window_error`, `empty_window_error`), for support. */
    readonly reason: string,
  ) {
    super("The sign-in window was blocked.");
  }
}

/** The signed-in account belongs to another organisation than the one this deployment serves. */
export class WrongTenantError extends Error {
  override readonly name = "WrongTenantError";
  constructor(
    readonly expectedTenantId: string,
    /** Null when Entra refused the account itself (AADSTS50020) and so never said which organisation it is from. */
    readonly actualTenantId: string | null,
  ) {
    super(
      actualTenantId
        ? `Signed in to organisation ${actualTenantId}, but this app is set up for ${expectedTenantId}.`
        : `The account is not from organisation ${expectedTenantId}, which this app is set up for.`,
    );
  }
}

/** The deployment's settings are missing or malformed (a configuration mistake, not a user's). */
export class AuthConfigError extends Error {
  override readonly name = "AuthConfigError";
  constructor(readonly problems: string[]) {
    super(`Sign-in is not configured: ${problems.join("; ")}`);
  }
}

/** What the UI should show for a sign-in problem; each kind maps to one message (and maybe one button). */
export type AuthProblem =
  | { kind: "signInRequired"; purpose: SignInPurpose }
  | { kind: "signInCancelled" }
  | { kind: "popupBlocked" }
  | { kind: "consentDeclined" }
  | { kind: "adminConsentRequired" }
  | { kind: "wrongTenant"; expectedTenantId: string; actualTenantId: string | null }
  | { kind: "notConfigured"; problems: string[] };

/** Classifies an error thrown by the token seam (or by a data call that asked it for a token); null if not a sign-in problem. */
export function authProblem(error: unknown): AuthProblem | null {
  if (error instanceof InteractionRequired) return { kind: "signInRequired", purpose: error.purpose };
  if (error instanceof SignInCancelledError) return { kind: "signInCancelled" };
  if (error instanceof PopupBlockedError) return { kind: "popupBlocked" };
  if (error instanceof ConsentDeclinedError)
    return error.adminConsentRequired ? { kind: "adminConsentRequired" } : { kind: "consentDeclined" };
  if (error instanceof WrongTenantError)
    return { kind: "wrongTenant", expectedTenantId: error.expectedTenantId, actualTenantId: error.actualTenantId };
  if (error instanceof AuthConfigError) return { kind: "notConfigured", problems: error.problems };
  return null;
}
