// Request body schemas for POST /app/shoppingcart/{pdf,png}, written from the OpenAPI 1.30 text
// (Address, AddressBinding, VoucherPosition, AppShoppingCart{PDF,}Position, AppShoppingCart{PDF,PNG}Request,
// AppShoppingCartPreview{PDF,PNG}Request). Optional fields accept null, as the live Jackson binding does.
import { z } from "zod";

// ISO 3166-1 alpha-3, the 249 officially assigned codes.
const ISO_ALPHA3 = new Set(
  (
    "AFG ALA ALB DZA ASM AND AGO AIA ATA ATG ARG ARM ABW AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BMU BTN BOL " +
    "BES BIH BWA BVT BRA IOT BRN BGR BFA BDI CPV KHM CMR CAN CYM CAF TCD CHL CHN CXR CCK COL COM COG COD COK CRI " +
    "CIV HRV CUB CUW CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FLK FRO FJI FIN FRA GUF PYF ATF GAB " +
    "GMB GEO DEU GHA GIB GRC GRL GRD GLP GUM GTM GGY GIN GNB GUY HTI HMD VAT HND HKG HUN ISL IND IDN IRN IRQ IRL " +
    "IMN ISR ITA JAM JPN JEY JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MAC MDG MWI MYS " +
    "MDV MLI MLT MHL MTQ MRT MUS MYT MEX FSM MDA MCO MNG MNE MSR MAR MOZ MMR NAM NRU NPL NLD NCL NZL NIC NER NGA " +
    "NIU NFK MKD MNP NOR OMN PAK PLW PSE PAN PNG PRY PER PHL PCN POL PRT PRI QAT REU ROU RUS RWA BLM SHN KNA LCA " +
    "MAF SPM VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SXM SVK SVN SLB SOM ZAF SGS SSD ESP LKA SDN SUR SJM SWE CHE " +
    "SYR TWN TJK TZA THA TLS TGO TKL TON TTO TUN TUR TKM TCA TUV UGA UKR ARE GBR USA UMI URY UZB VUT VEN VNM VGB " +
    "VIR WLF ESH YEM ZMB ZWE"
  ).split(" "),
);

const sized = (min: number, max: number) =>
  z.string().refine((s) => s.length >= min && s.length <= max, `size must be between ${min} and ${max}`);

export const addressSchema = z.object({
  name: sized(1, 50),
  additionalName: sized(0, 40).nullish(),
  addressLine1: sized(1, 50),
  addressLine2: sized(1, 60).nullish(),
  postalCode: sized(5, 5),
  city: sized(1, 40),
  country: sized(3, 3).refine((c) => ISO_ALPHA3.has(c), "must be an ISO 3166-1 alpha-3 country code"),
});

export const addressBindingSchema = z.object({ sender: addressSchema, receiver: addressSchema });

const voucherLayout = z.enum(["ADDRESS_ZONE", "FRANKING_ZONE"]);
const dpi = z.enum(["DPI300", "DPI203"]);
const positiveInt = z.int32().min(1, "must be greater than 0");
const shopOrderId = sized(1, 18).refine((s) => !/[<&]/.test(s), "must not contain < or &");

const positionFields = {
  productCode: positiveInt,
  imageID: z.int32().nullish(),
  address: addressBindingSchema.nullish(),
  voucherLayout,
};

export const pdfPositionSchema = z.object({
  ...positionFields,
  positionType: z.literal("AppShoppingCartPDFPosition"),
  position: z.object({ labelX: positiveInt, labelY: positiveInt, page: positiveInt }),
});

export const pngPositionSchema = z.object({
  ...positionFields,
  positionType: z.literal("AppShoppingCartPosition"),
});

const checkoutFields = {
  shopOrderId: shopOrderId.nullish(),
  total: z.int32().min(0),
  createManifest: z.boolean().nullish(),
  createShippingList: z.enum(["0", "1", "2"]).nullish(),
  dpi: dpi.nullish(),
};

export const pdfCheckoutSchema = z.object({
  ...checkoutFields,
  type: z.literal("AppShoppingCartPDFRequest"),
  pageFormatId: positiveInt,
  positions: z.array(pdfPositionSchema).min(1, "at least one position is required"),
});

export const pngCheckoutSchema = z.object({
  ...checkoutFields,
  type: z.literal("AppShoppingCartPNGRequest"),
  optimizePNG: z.boolean().nullish(),
  positions: z.array(pngPositionSchema).min(1, "at least one position is required"),
});

export const pdfPreviewSchema = z.object({
  type: z.literal("AppShoppingCartPreviewPDFRequest"),
  productCode: positiveInt,
  imageID: z.int32().nullish(),
  voucherLayout,
  pageFormatId: positiveInt.nullish(),
  dpi: dpi.nullish(),
});

export const pngPreviewSchema = z.object({
  type: z.literal("AppShoppingCartPreviewPNGRequest"),
  productCode: positiveInt,
  imageID: z.int32().nullish(),
  voucherLayout,
  dpi: dpi.nullish(),
  optimizePNG: z.boolean().nullish(),
});

export type Address = z.infer<typeof addressSchema>;
export type AddressBinding = z.infer<typeof addressBindingSchema>;
export type PdfCheckout = z.infer<typeof pdfCheckoutSchema>;
export type PngCheckout = z.infer<typeof pngCheckoutSchema>;
export type PdfPreview = z.infer<typeof pdfPreviewSchema>;
export type PngPreview = z.infer<typeof pngPreviewSchema>;
export type VoucherLayout = z.infer<typeof voucherLayout>;

/** The Jackson subtype names per endpoint, for the InvalidTypeId check that precedes validation. */
export const requestTypes = {
  pdf: {
    base: "AppCheckoutPDFRequest",
    checkout: "AppShoppingCartPDFRequest",
    preview: "AppShoppingCartPreviewPDFRequest",
  },
  png: {
    base: "AppCheckoutPNGRequest",
    checkout: "AppShoppingCartPNGRequest",
    preview: "AppShoppingCartPreviewPNGRequest",
  },
} as const;

export const positionTypes = { pdf: "AppShoppingCartPDFPosition", png: "AppShoppingCartPosition" } as const;

/** Bean-validation style text: "positions[0].address.receiver.postalCode: size must be between 5 and 5". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path
        .map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
        .join("");
      const missing = issue.code === "invalid_type" && /received undefined$/.test(issue.message);
      return `${path || "body"}: ${missing ? "must not be null" : issue.message}`;
    })
    .join("; ");
}
