// Development-only page for the browser sign-in test: the real MSAL client and redirect bridge,
// the token seam, and one SharePoint call with the token. Shows outcomes, never the token.
import { createMsalTokenProvider } from "../msal";

const params = new URLSearchParams(location.search);
const status = document.getElementById("status")!;
const show = (text: string) => {
  status.textContent = text;
};

const auth = await createMsalTokenProvider({
  clientId: params.get("client") ?? "",
  tenantId: params.get("tenant") ?? "",
  sharePointOrigin: params.get("sharepoint") ?? "",
  hosted: false,
  redirectUri: new URL("/auth-redirect.html", location.origin).href,
});

async function callSharePoint(): Promise<void> {
  try {
    const token = await auth.getToken();
    const response = await fetch(`${params.get("sharepoint")}/sites/wres/_api/web`, {
      headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
    });
    show(`signed-in ${auth.account()?.username ?? "?"} sharepoint ${response.status}`);
  } catch (error) {
    show(`error ${(error as Error).name}`);
  }
}

document.getElementById("sign-in")!.addEventListener("click", () => {
  show("signing-in");
  auth.signIn().then(callSharePoint, (error: unknown) => show(`error ${(error as Error).name}`));
});
await callSharePoint();
