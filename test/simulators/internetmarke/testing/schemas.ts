// The live response shapes, strict, so the tests pin down exactly what the simulator answers.
import { expect } from "vitest";
import { z } from "zod";

export const imErrorSchema = z.strictObject({
  statusCode: z.string().regex(/^\d{3}$/),
  title: z.string(),
  description: z.string(),
  instance: z.string().regex(/^PCF-/),
});

export const gatewayErrorSchema = z.strictObject({ status: z.int(), title: z.string(), detail: z.string() });

export const loginSchema = z.strictObject({
  access_token: z.string().min(20),
  userToken: z.string(),
  walletBalance: z.int(),
  showTermsAndConditions: z.boolean(),
  infoMessage: z.string(),
  issued_at: z.string().regex(/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/),
  expires_in: z.int(),
  token_type: z.literal("BearerToken"),
  external_customer_id: z.string(),
  authenticated_user: z.string(),
});

const voucherSchema = z.strictObject({
  voucherId: z.string().regex(/^\S{20}$/),
  trackId: z.string().nullable(),
});

export const checkoutSchema = z.strictObject({
  type: z.literal("CheckoutShoppingCartAppResponse"),
  link: z.url(),
  manifestLink: z.url().nullable(),
  shoppingCart: z.strictObject({
    shopOrderId: z.string().regex(/^\d{1,18}$/),
    voucherList: z.array(voucherSchema),
  }),
  walletBallance: z.int().nullable(),
});

export const previewSchema = z.strictObject({
  type: z.literal("CheckoutShoppingCartAppResponse"),
  link: z.url(),
});

const retoureVoucher = z.strictObject({ voucherId: z.string(), trackId: z.string() });

export const retoureStateSchema = z.strictObject({
  RetrieveRetoureStateResponse: z.array(
    z.strictObject({
      shopRetoureId: z.string(),
      retoureTransactionId: z.int(),
      totalCount: z.int(),
      countStillOpen: z.int(),
      retourePrice: z.int(),
      creationDate: z.string().regex(/^\d{7,8}-\d{6}$/),
      serialnumber: z.string().length(10),
      refundedVouchers: z.array(retoureVoucher),
      notRefundedVouchers: z.array(retoureVoucher),
    }),
  ),
});

export const retoureCreatedSchema = z.strictObject({
  shopRetoureId: z.string(),
  retoureTransactionId: z.string(),
});

export async function parsed<S extends z.ZodType>(schema: S, response: Response): Promise<z.infer<S>> {
  const body: unknown = await response.json();
  return schema.parse(body);
}

/** Asserts a live INTERNETMARKE error: status, title, and optionally a piece of the description. */
export async function expectImError(
  response: Response,
  status: number,
  title: string,
  description?: string | RegExp,
) {
  expect(response.status).toBe(status);
  const body = await parsed(imErrorSchema, response);
  expect(body.statusCode).toBe(String(status));
  expect(body.title).toBe(title);
  if (description !== undefined) expect(body.description).toMatch(description);
  return body;
}

export async function expectGatewayError(response: Response, status: number, title: string) {
  expect(response.status).toBe(status);
  const body = await parsed(gatewayErrorSchema, response);
  expect(body).toMatchObject({ status, title });
  return body;
}
