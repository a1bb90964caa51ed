export type { TokenProvider } from "./types";
export { localTokenProvider } from "./local";
export {
  readAuthConfig,
  sharePointScope,
  SHAREPOINT_SCOPES,
  normaliseSharePointOrigin,
  SET_UP_SCOPES,
  type AuthConfig,
  type AuthEnv,
  type SetUpScope,
} from "./config";
export {
  InteractionRequired,
  ConsentDeclinedError,
  SignInCancelledError,
  PopupBlockedError,
  WrongTenantError,
  AuthConfigError,
  authProblem,
  type AuthProblem,
  type SignInPurpose,
} from "./errors";
export {
  createMsalTokenProvider,
  type MsalAuth,
  type MsalClient,
  type MsalDependencies,
  type MsalTokenProviderOptions,
  type SignInFlow,
  type SilentResult,
  type SignedInAccount,
} from "./msal";
export { startAuth, type AuthSession, type StartAuthOptions } from "./session";
