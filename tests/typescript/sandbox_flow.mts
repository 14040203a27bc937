// A TypeScript program that talks to the Contiguity API through the types openapi-typescript
// generates from openapi.yaml, with openapi-fetch: a text send and an OTP flow.
//
//   node build/ts/run/sandbox_flow.mjs http://127.0.0.1:8787
//
// Run against the sandbox (tests/test_typescript_client.py does, in `make test`). A spec
// change that breaks this code fails `tsc`; one that breaks the wire format fails the run.
import createClient from "openapi-fetch";

import type { components, paths } from "../../build/ts/contiguity.js";

type Schemas = components["schemas"];

const [baseUrl, to = "+15555550123"] = process.argv.slice(2);
if (baseUrl === undefined) {
  throw new Error("usage: node sandbox_flow.mjs BASE_URL [PHONE]");
}

const api = createClient<paths>({ baseUrl, headers: { Authorization: "Token contiguity_sk_typescript" } });

/** The `data` of a successful answer; anything else stops the program with the API's error. */
function unwrap<T>(operation: string, answer: { data?: { data: T }; error?: unknown; response: Response }): T {
  if (answer.data === undefined) {
    throw new Error(`${operation}: ${answer.response.status} ${JSON.stringify(answer.error)}`);
  }
  return answer.data.data;
}

const textRequest: Schemas["SendTextRequest"] = { to, message: "Hello from TypeScript" };
const sent: Schemas["MessageSent"] = unwrap("sendText", await api.POST("/send/text", { body: textRequest }));

const otp = unwrap(
  "sendOtp",
  await api.POST("/otp/new", { body: { to, language: "en", name: "TypeScript" } }),
);

// What the user would read on their phone: a sandbox-only route, outside the spec.
const peek = await fetch(`${baseUrl}/_sandbox/otp/${encodeURIComponent(otp.otp_id)}`);
const { data: secret } = (await peek.json()) as { data: { code: string } };

const wrongCode = secret.code === "000000" ? "111111" : "000000";
const wrong = unwrap("verifyOtp", await api.POST("/otp/verify", { body: { otp_id: otp.otp_id, otp: wrongCode } }));
const right = unwrap("verifyOtp", await api.POST("/otp/verify", { body: { otp_id: otp.otp_id, otp: secret.code } }));
const reused = unwrap("verifyOtp", await api.POST("/otp/verify", { body: { otp_id: otp.otp_id, otp: secret.code } }));

// An API error comes back typed as the spec's ErrorResponse.
const refused = await api.POST("/otp/verify", { body: { otp_id: otp.otp_id, otp: "" } });
const refusal: Schemas["ErrorResponse"] | undefined = refused.error;

console.log(
  JSON.stringify({
    message_id: sent.message_id,
    otp_id: otp.otp_id,
    verified: [wrong.verified, right.verified, reused.verified],
    error_status: refused.response.status,
    error: refusal?.data.error ?? null,
  }),
);
