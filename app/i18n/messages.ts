/** The admin UI's words in English and German. Keys are shared; a test checks both have every key. */
export const messages = {
  en: {
    "app.title": "Frankiermeister",
    "nav.home": "Overview",
    "home.heading": "Postage for your letters",
    "home.intro":
      "Frank Shopify orders with Deutsche Post INTERNETMARKE: choose orders, see the cost against your Portokasse, print one label file.",
    "home.shop": "Shop",
    "home.openOrders": "Unfulfilled orders",
    "home.portokasse": "Portokasse",
    "home.portokasse.none": "Not linked yet",
    "home.portokasse.linked": "Linked as {username}",
    "home.balance": "Last known balance",
    "home.balance.unknown": "unknown",
    "home.recentOrders": "Recent orders",
    "order.noAddress": "no shipping address",
    "order.cancelled": "cancelled",
    "error.title": "Something went wrong",
    "login.heading": "Log in",
    "login.shop": "Shop domain",
    "login.submit": "Log in",
  },
  de: {
    "app.title": "Frankiermeister",
    "nav.home": "Übersicht",
    "home.heading": "Porto für Ihre Briefe",
    "home.intro":
      "Shopify-Bestellungen mit der INTERNETMARKE der Deutschen Post frankieren: Bestellungen wählen, Kosten mit der Portokasse abgleichen, eine Etikettendatei drucken.",
    "home.shop": "Shop",
    "home.openOrders": "Unerfüllte Bestellungen",
    "home.portokasse": "Portokasse",
    "home.portokasse.none": "Noch nicht verbunden",
    "home.portokasse.linked": "Verbunden als {username}",
    "home.balance": "Zuletzt bekanntes Guthaben",
    "home.balance.unknown": "unbekannt",
    "home.recentOrders": "Neueste Bestellungen",
    "order.noAddress": "keine Lieferadresse",
    "order.cancelled": "storniert",
    "error.title": "Etwas ist schiefgelaufen",
    "login.heading": "Anmelden",
    "login.shop": "Shop-Domain",
    "login.submit": "Anmelden",
  },
} as const;

export type Locale = keyof typeof messages;
export type MessageKey = keyof (typeof messages)["en"];
