// The registered-mail service an order needs, and what happens where it does not exist (Einwurf abroad,
// Rückschein abroad without an international Rückschein product): substitute Einschreiben, or leave it out.
import type { Shipment } from "./candidates";
import { requiredRegisteredMail } from "./rules";
import { criteriaValues, describeCriteria, SERVICE_LABEL } from "./text";
import type {
  ClassifiedProduct,
  MappingFailure,
  MappingNotice,
  MappingSettings,
  OrderForMapping,
  ReasonParams,
  RegisteredMail,
} from "./types";

/** A note added to the reason: the English sentence and its structured form (`note.<key>`, app/i18n/reasons.ts). */
export interface Note {
  text: string;
  params: ReasonParams;
}

const fail = (
  error: MappingFailure["error"],
  reason: string,
  key: string,
  values: Record<string, string | number> = {},
): MappingFailure => ({ ok: false, error, reason, reasonParams: { key, values } });

export type ServiceChoice =
  | { ok: true; required: RegisteredMail | null; notes: Note[]; flags: string[]; notices: MappingNotice[] }
  | { ok: false; failure: MappingFailure };

/**
 * Abroad there is no Einwurf and, unless the price list has one, no Rückschein. The rule says what then:
 * substitute Einschreiben (flagged, default) or leave the order out for the merchant to decide.
 */
export function resolveService(
  order: OrderForMapping,
  settings: MappingSettings,
  shipment: Shipment,
  products: readonly ClassifiedProduct[],
  countryCode: string,
): ServiceChoice {
  const rule = requiredRegisteredMail(order, settings);
  const none = { ok: true as const, notes: [] as Note[], flags: [], notices: [] };
  if (!rule) return { ...none, required: null };
  const criteria = rule.builtIn
    ? `shipping method named "${rule.shippingMethod ?? ""}"`
    : describeCriteria(rule, order.currencyCode);
  const notes: Note[] = [
    {
      text: `${SERVICE_LABEL[rule.service]} by rule (${criteria})`,
      params: { key: "service-by-rule", values: { service: rule.service, ...criteriaValues(rule) } },
    },
  ];
  if (shipment.transport === "national") return { ...none, notes, required: rule.service };
  const rueckscheinAbroad = products.some(
    (p) => p.transport === "international" && p.registeredMail === "EINSCHREIBEN_RUECKSCHEIN",
  );
  const unavailable =
    rule.service === "EINSCHREIBEN_EINWURF" ||
    (rule.service === "EINSCHREIBEN_RUECKSCHEIN" && !rueckscheinAbroad);
  if (!unavailable) return { ...none, notes, required: rule.service };
  const values = { service: rule.service, substitute: "EINSCHREIBEN", country: countryCode, rule: criteria };
  if (rule.whenUnavailable === "leave-out") {
    return {
      ok: false,
      failure: fail(
        "service-unavailable",
        `${SERVICE_LABEL[rule.service]} (rule: ${criteria}) does not exist for letters to ${countryCode}; ` +
          "the rule says to leave the order out instead of sending it as Einschreiben",
        "service-unavailable",
        values,
      ),
    };
  }
  const flag =
    rule.service === "EINSCHREIBEN_EINWURF" ? "einwurf-unavailable-abroad" : "rueckschein-unavailable-abroad";
  notes.push(
    rule.service === "EINSCHREIBEN_EINWURF"
      ? {
          text: "Einschreiben Einwurf is not available abroad, upgraded to Einschreiben",
          params: { key: "einwurf-upgraded-abroad", values: {} },
        }
      : {
          text: "Rückschein is not available abroad, sent as Einschreiben",
          params: { key: "rueckschein-unavailable-abroad", values: {} },
        },
  );
  return {
    ok: true,
    required: "EINSCHREIBEN",
    notes,
    flags: [flag],
    notices: [{ code: "service-substituted", values }],
  };
}
