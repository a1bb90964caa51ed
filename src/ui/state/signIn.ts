// The interactive sign-in step (tenant mode), offered where a request needs the user to sign in.
// Null in local mode. Called only from a click: hosts block popups that no gesture started.
import { createContext, useContext } from "react";

export const SignInContext = createContext<(() => Promise<void>) | null>(null);

export function useSignIn(): (() => Promise<void>) | null {
  return useContext(SignInContext);
}
