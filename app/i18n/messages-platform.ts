/**
 * Shopify's platform rules in the merchant's words: orders the app cannot fulfil with one letter, recipient
 * data Shopify withholds, and a shop whose Shopify access must be renewed by opening the app.
 */
export const platformMessages = {
  en: {
    "preview.error.no-fulfillment-order": "Shipped by someone else",
    "preview.error.fulfillment-on-hold": "Fulfillment on hold",
    "preview.error.several-locations": "Several locations",
    "preview.error.not-shipped": "Pickup or local delivery",
    "preview.error.protected-data-denied": "Customer data withheld",
    "reason.no-fulfillment-order":
      "Shopify shows the app nothing of this order to fulfil: it is assigned to a fulfillment service or 3PL location, or the app has no access to the fulfillment orders of its location.",
    "reason.fulfillment-on-hold":
      "The order's fulfillment is on hold, scheduled or incomplete. Release it in Shopify first.",
    "reason.several-locations":
      "The order ships from {count} locations, but a letter leaves from one place. Move it to one location in Shopify or ship it by hand.",
    "reason.not-shipped": "The order is picked up or delivered locally, not sent by post.",
    "reason.protected-data-denied":
      "Shopify withheld the recipient's name or address (protected customer data). The app developer requests access to the name and address fields in the Partner Dashboard (API access › Protected customer data); once Shopify approves, the order can be franked.",
    "shopifyAccess.title": "Open Frankiermeister again to continue",
    "shopifyAccess.body":
      "Shopify no longer accepts the app's access to your shop, so franking and refunds wait. Nothing was bought and nothing is lost: open the app from your Shopify admin once and the waiting work continues.",
  },
  de: {
    "preview.error.no-fulfillment-order": "Versand durch Dritte",
    "preview.error.fulfillment-on-hold": "Versand zurückgestellt",
    "preview.error.several-locations": "Mehrere Standorte",
    "preview.error.not-shipped": "Abholung oder lokale Zustellung",
    "preview.error.protected-data-denied": "Kundendaten gesperrt",
    "reason.no-fulfillment-order":
      "Shopify zeigt der App an dieser Bestellung nichts zu versenden: Sie ist einem Fulfillment-Dienst oder 3PL-Lager zugewiesen, oder die App hat keinen Zugriff auf die Versandaufträge ihres Standorts.",
    "reason.fulfillment-on-hold":
      "Der Versand der Bestellung ist zurückgestellt, geplant oder unvollständig. Geben Sie ihn zuerst in Shopify frei.",
    "reason.several-locations":
      "Die Bestellung wird von {count} Standorten versendet, ein Brief geht aber von einem Ort ab. Legen Sie sie in Shopify an einen Standort oder versenden Sie sie von Hand.",
    "reason.not-shipped": "Die Bestellung wird abgeholt oder lokal zugestellt, nicht per Post versendet.",
    "reason.protected-data-denied":
      "Shopify hält Name oder Adresse des Empfängers zurück (geschützte Kundendaten). Der App-Entwickler beantragt den Zugriff auf die Namens- und Adressfelder im Partner Dashboard (API-Zugriff › Geschützte Kundendaten); sobald Shopify zustimmt, kann die Bestellung frankiert werden.",
    "shopifyAccess.title": "Öffnen Sie Frankiermeister erneut, um fortzufahren",
    "shopifyAccess.body":
      "Shopify akzeptiert den Zugriff der App auf Ihren Shop nicht mehr, deshalb warten Frankierung und Erstattungen. Es wurde nichts gekauft und nichts geht verloren: Öffnen Sie die App einmal aus Ihrem Shopify-Admin, dann geht die wartende Arbeit weiter.",
  },
} as const;
