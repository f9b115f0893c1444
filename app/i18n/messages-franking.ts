/**
 * Why the franking pipeline left out an order, failed it or stopped buying (`reason.<code>`, the codes in
 * the batch API's `error` fields and the batch's stop reason; see app/franking/README.md).
 */
export const frankingMessages = {
  en: {
    "reason.already_franked": "This order already has a stamp.",
    "reason.in_other_batch": "This order is being franked in another batch.",
    "reason.no_address": "No address could be printed on the stamp.",
    "reason.unusable-address": "The shipping address does not fit on the stamp.",
    "reason.invalid_order_id": "This is not a Shopify order id.",
    "reason.invalid_product": "Deutsche Post does not sell this product (any more).",
    "reason.invalid_price": "The price of this stamp is not valid.",
    "reason.invalid_total": "Deutsche Post's prices changed since the preview. Preview and frank again.",
    "reason.validation_failed": "Deutsche Post refused the stamp.",
    "reason.too_many_positions": "Deutsche Post refused the cart size.",
    "reason.insufficient_balance": "The Portokasse balance was not enough.",
    "reason.portokasse_not_linked": "No Portokasse is linked.",
    "reason.app_not_approved": "The app is not approved in the Portokasse.",
    "reason.invalid_credentials": "Deutsche Post refused the Portokasse login.",
    "reason.account_locked": "The Portokasse is locked.",
    "reason.authentication_failed": "The Portokasse login failed.",
    "reason.permission_denied": "The Portokasse may not buy this.",
    "reason.gave_up": "Deutsche Post could not be reached for too long; buying stopped.",
    "reason.no_voucher_returned":
      "Deutsche Post returned no stamp for this order. Contact support before franking it again.",
    "reason.not_bought": "Nothing was bought; the stamps went into a new cart.",
  },
  de: {
    "reason.already_franked": "Diese Bestellung ist bereits frankiert.",
    "reason.in_other_batch": "Diese Bestellung wird gerade in einem anderen Stapel frankiert.",
    "reason.no_address": "Es konnte keine Anschrift auf die Marke gedruckt werden.",
    "reason.unusable-address": "Die Lieferadresse passt nicht auf die Marke.",
    "reason.invalid_order_id": "Das ist keine Shopify-Bestellnummer.",
    "reason.invalid_product": "Die Deutsche Post verkauft dieses Produkt nicht (mehr).",
    "reason.invalid_price": "Der Preis dieser Marke ist ungültig.",
    "reason.invalid_total":
      "Die Preise der Deutschen Post haben sich seit der Vorschau geändert. Bitte erneut prüfen und frankieren.",
    "reason.validation_failed": "Die Deutsche Post hat die Marke abgelehnt.",
    "reason.too_many_positions": "Die Deutsche Post hat die Größe des Warenkorbs abgelehnt.",
    "reason.insufficient_balance": "Das Guthaben der Portokasse reichte nicht.",
    "reason.portokasse_not_linked": "Es ist keine Portokasse verbunden.",
    "reason.app_not_approved": "Die App ist in der Portokasse nicht freigegeben.",
    "reason.invalid_credentials": "Die Deutsche Post hat die Anmeldung an der Portokasse abgelehnt.",
    "reason.account_locked": "Die Portokasse ist gesperrt.",
    "reason.authentication_failed": "Die Anmeldung an der Portokasse ist fehlgeschlagen.",
    "reason.permission_denied": "Mit dieser Portokasse darf das nicht gekauft werden.",
    "reason.gave_up": "Die Deutsche Post war zu lange nicht erreichbar; der Kauf wurde angehalten.",
    "reason.no_voucher_returned":
      "Die Deutsche Post hat für diese Bestellung keine Marke geliefert. Bitte vor erneutem Frankieren den Support fragen.",
    "reason.not_bought": "Nichts wurde gekauft; die Marken kamen in einen neuen Warenkorb.",
  },
} as const;
