export { type AgencyProviderOptions, createAgencyProvider, type MachineClient, type WebClient } from "./agency-provider.js";
export { type ClaimLayout, claimLayoutOf, FLAT_LAYOUT, NAMESPACED_LAYOUT, PURPOSE_SCOPE_PREFIX } from "./claim-layouts.js";
export {
  IDP_AGENCIES,
  type IdentityProviderIssuer,
  type IdentityProvidersOptions,
  type RunningIdentityProviders,
  startIdentityProviders,
  VITE_DEV_ORIGIN,
  WEB_CLIENT_ID,
  webPostLogoutUri,
  webRedirectUri,
} from "./identity-providers.js";
export { choosePurpose, PURPOSE_SCOPES } from "./purpose-scope.js";
export type { StaffDirectory, StaffMember } from "./staff.js";
export { discover, machineToken, refreshTokens, type SignInRequest, SignInRefused, signInWithCode, type TokenSet } from "./sign-in-flow.js";
