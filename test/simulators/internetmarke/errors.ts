// Response helpers and the two error shapes the live service answers with:
// - the INTERNETMARKE backend (PCF): {"statusCode":"400","title":"<code>","description":"<text>","instance":"PCF-A1031"}
// - the DHL API gateway in front of it: {"status":401,"title":"Unauthorized","detail":"<text>"}
// Every title the simulator can produce is listed here; README.md documents when each happens.

export type ImErrorTitle =
  | "Bad Request"
  | "InvalidTypeId"
  | "invalidCombination"
  | "invalidPageFormat"
  | "invalidOrderPositionCount"
  | "invalidShopOrderID"
  | "invalidProductcode"
  | "invalidMotive"
  | "invalidTotalAmount"
  | "walletBalanceNotEnough"
  | "quotaExceeded"
  | "forbiddenPaymentMethod"
  | "unknownShopOrderId"
  | "Unauthorized"
  | "Not Found"
  | "Unsupported Media Type"
  | "Internal Server Error";

export type GatewayErrorTitle =
  | "Unauthorized"
  | "Not Found"
  | "Method Not Allowed"
  | "Too Many Requests"
  | "Bad Request"
  | "Bad Gateway"
  | "Service Unavailable"
  | "Gateway Timeout";

/** Error raised inside a handler; the router turns it into a response. */
export class SimulatedHttpError extends Error {
  constructor(readonly response: Response) {
    super(`simulated HTTP ${response.status}`);
  }
}

// The live service names the answering backend node in `instance` (PCF-A1031 and PCF-A1032 were
// both seen for the same error); here the node follows from the title, so answers are reproducible.
function instanceFor(title: string): string {
  const sum = [...title].reduce((acc, ch) => acc + ch.charCodeAt(0), 0);
  return sum % 2 === 0 ? "PCF-A1031" : "PCF-A1032";
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

export function imError(status: number, title: ImErrorTitle, description: string): Response {
  return json({ statusCode: String(status), title, description, instance: instanceFor(title) }, status);
}

export function gatewayError(
  status: number,
  title: GatewayErrorTitle,
  detail: string,
  headers: Record<string, string> = {},
): Response {
  return json({ status, title, detail }, status, headers);
}

/** Throws an INTERNETMARKE backend error out of a handler. */
export function fail(status: number, title: ImErrorTitle, description: string): never {
  throw new SimulatedHttpError(imError(status, title, description));
}

export function badRequest(description: string): never {
  return fail(400, "Bad Request", description);
}

export function gatewayUnauthorized(): Response {
  return gatewayError(401, "Unauthorized", "Unauthorized for given resource.");
}

const gatewayTitles: Record<502 | 503 | 504, GatewayErrorTitle> = {
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** A server-side failure injected by the fault controls. */
export function serverFailure(status: 500 | 502 | 503 | 504): Response {
  if (status === 500) {
    return imError(
      500,
      "Internal Server Error",
      "Internal Server Error, please contact support if the issue persists.",
    );
  }
  return gatewayError(status, gatewayTitles[status], "The upstream service did not answer.");
}
