import { describe, expect, it } from "vitest";
import {
  AuthConfigError,
  authProblem,
  ConsentDeclinedError,
  InteractionRequired,
  PopupBlockedError,
  SignInCancelledError,
  WrongTenantError,
} from "../../../src/auth";

describe("authProblem", () => {
  it("tells the UI which message (and button) each sign-in problem needs", () => {
    expect(authProblem(new InteractionRequired("provision", "consent_required"))).toEqual({
      kind: "signInRequired",
      purpose: "provision",
    });
    expect(authProblem(new SignInCancelledError())).toEqual({ kind: "signInCancelled" });
    expect(authProblem(new PopupBlockedError("popup_window_error"))).toEqual({ kind: "popupBlocked" });
    expect(authProblem(new ConsentDeclinedError(false, "access_denied"))).toEqual({ kind: "consentDeclined" });
    expect(authProblem(new ConsentDeclinedError(true, "invalid_request"))).toEqual({ kind: "adminConsentRequired" });
    expect(authProblem(new WrongTenantError("a", "b"))).toEqual({
      kind: "wrongTenant",
      expectedTenantId: "a",
      actualTenantId: "b",
    });
    expect(authProblem(new AuthConfigError(["VITE_WRES_CLIENT_ID missing"]))).toEqual({
      kind: "notConfigured",
      problems: ["VITE_WRES_CLIENT_ID missing"],
    });
  });

  it("leaves other errors to the data layer's own handling", () => {
    expect(authProblem(new Error("HTTP 412"))).toBeNull();
    expect(authProblem("offline")).toBeNull();
  });
});
