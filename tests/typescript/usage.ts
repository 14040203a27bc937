// Compile-only check that openapi.yaml yields TypeScript types a TS user can work with.
// `make check-ts` type-checks this file against build/ts/contiguity.d.ts, which
// openapi-typescript generates from the spec; nothing here is executed.
import type { components, operations, webhooks } from "../../build/ts/contiguity";

type Schemas = components["schemas"];

// Compile-time assertion helpers: `Expect<Equal<A, B>>` fails to compile unless A and B match.
type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

// ---- request bodies ----------------------------------------------------------------------
const sms: Schemas["SendTextRequest"] = {
  to: "+15555555555",
  message: "Your order shipped",
};
const mms: operations["sendText"]["requestBody"]["content"]["application/json"] = {
  to: "+15555555555",
  from: null,
  attachments: ["https://example.com/a.png", "https://example.com/b.jpg"],
  fast_track: true,
};

// @ts-expect-error `to` is required.
const missingTo: Schemas["SendTextRequest"] = { message: "hi" };
// @ts-expect-error attachments are URLs, not numbers.
const badAttachments: Schemas["SendTextRequest"] = { to: "+15555555555", attachments: [1] };
// @ts-expect-error unknown fields are rejected in object literals.
const typo: Schemas["SendTextRequest"] = { to: "+15555555555", mesage: "hi" };

// ---- responses ---------------------------------------------------------------------------
type SendTextOk = operations["sendText"]["responses"][200]["content"]["application/json"];
type SendTextBadRequest = operations["sendText"]["responses"][400]["content"]["application/json"];
type _okIsMessageSent = Expect<Equal<SendTextOk, Schemas["MessageSentResponse"]>>;
type _errIsErrorResponse = Expect<Equal<SendTextBadRequest, Schemas["ErrorResponse"]>>;

type _messageId = Expect<Equal<SendTextOk["data"]["message_id"], string>>;

function messageIdOf(response: SendTextOk): string {
  return response.data.message_id;
}

function describeError(response: SendTextBadRequest): string {
  const status: number = response.data.status;
  const agreement: string | undefined = response.data.agreement_url;
  return `${status}: ${response.data.error}${agreement === undefined ? "" : ` (${agreement})`}`;
}

// ---- webhooks ----------------------------------------------------------------------------
type IncomingSms = webhooks["text.incoming.sms"]["post"]["requestBody"]["content"]["application/json"];
type _smsEvent = Expect<Equal<IncomingSms, Schemas["TextIncomingSmsEvent"]>>;

type KnownEvent =
  | Schemas["TextIncomingSmsEvent"]
  | Schemas["TextIncomingMmsEvent"]
  | Schemas["TextDeliveryFailedEvent"];

function summarize(event: KnownEvent): string {
  switch (event.type) {
    case "text.incoming.sms":
      return `${event.data.from}: ${event.data.body}`;
    case "text.incoming.mms":
      return `${event.data.from} sent ${event.data.attachments.length} file(s)`;
    case "text.delivery.failed":
      return `${event.data.message_id} failed: ${event.data.error}`;
  }
}

// Events of types this document does not describe still expose their payload's keys.
type _anyPayload = Expect<Equal<Schemas["WebhookEvent"]["data"], Record<string, unknown>>>;

function eventId(event: Schemas["WebhookEvent"]): string {
  const payload: unknown = event.data["anything"];
  return `${event.id} (${event.type}, ${typeof payload}) at ${event.timestamp}`;
}

export { sms, mms, missingTo, badAttachments, typo, messageIdOf, describeError, summarize, eventId };
