// The interactive sign-in step (tenant mode), offered where a request needs the user to sign in.
// Null in local mode. Called only from a click: hosts block popups that no gesture started.
// The purpose picks the permission asked for: everyday work, or managing lists to set up the site.
import { createContext, useContext } from "react";
import type { SignInPurpose } from "../../auth";

export type SignIn = (purpose?: SignInPurpose) => Promise<void>;

export const SignInContext = createContext<SignIn | null>(null);

export function useSignIn(): SignIn | null {
  return useContext(SignInContext);
}
