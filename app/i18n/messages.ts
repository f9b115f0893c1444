import { previewMessages } from "./messages-preview";
import { settingsMessages } from "./messages-settings";
import { batchesMessages } from "./messages-batches";
import { refundsMessages } from "./messages-refunds";
import { frankingMessages } from "./messages-franking";
import { mappingMessages } from "./messages-mapping";
import { privacyMessages } from "./messages-privacy";
import { platformMessages } from "./messages-platform";
import { deutschePostMessages } from "./messages-deutschepost";
import { automationMessages } from "./messages-automation";
import { undoMessages } from "./messages-undo";
import { reasonsMessages } from "./messages-reasons";

/** The admin UI's words in English and German. Keys are shared; a test checks both have every key. */
export const messages = {
  en: {
    ...settingsMessages.en,
    ...previewMessages.en,
    ...batchesMessages.en,
    ...refundsMessages.en,
    ...frankingMessages.en,
    ...mappingMessages.en,
    ...privacyMessages.en,
    ...platformMessages.en,
    ...deutschePostMessages.en,
    ...automationMessages.en,
    ...undoMessages.en,
    ...reasonsMessages.en,
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
    "setup.heading": "Before your first batch",
    "setup.done": "Done",
    "setup.todo": "To do",
    "setup.check.portokasse": "Link your Portokasse",
    "setup.check.sender": "Enter the sender address",
    "setup.check.stampFormat": "Choose the stamp layout and page format",
    "setup.check.terms": "Accept Deutsche Post's INTERNETMARKE terms",
    "order.noAddress": "no shipping address",
    "orders.col.order": "Order",
    "orders.col.destination": "Destination",
    "orders.col.weight": "Weight",
    "orders.col.status": "Status",
    "status.UNFULFILLED": "Unfulfilled",
    "status.FULFILLED": "Fulfilled",
    "status.PARTIALLY_FULFILLED": "Partially fulfilled",
    "status.other": "Other",
    "order.cancelled": "cancelled",
    "error.title": "Something went wrong",
    "login.heading": "Log in",
    "login.shop": "Shop domain",
    "login.submit": "Log in",
  },
  de: {
    ...settingsMessages.de,
    ...previewMessages.de,
    ...batchesMessages.de,
    ...refundsMessages.de,
    ...frankingMessages.de,
    ...mappingMessages.de,
    ...privacyMessages.de,
    ...platformMessages.de,
    ...deutschePostMessages.de,
    ...automationMessages.de,
    ...undoMessages.de,
    ...reasonsMessages.de,
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
    "setup.heading": "Vor Ihrem ersten Stapel",
    "setup.done": "Erledigt",
    "setup.todo": "Offen",
    "setup.check.portokasse": "Portokasse verbinden",
    "setup.check.sender": "Absenderadresse eintragen",
    "setup.check.stampFormat": "Layout der Marke und Seitenformat wählen",
    "setup.check.terms": "AGB INTERNETMARKE der Deutschen Post akzeptieren",
    "order.noAddress": "keine Lieferadresse",
    "orders.col.order": "Bestellung",
    "orders.col.destination": "Ziel",
    "orders.col.weight": "Gewicht",
    "orders.col.status": "Status",
    "status.UNFULFILLED": "Unerfüllt",
    "status.FULFILLED": "Erfüllt",
    "status.PARTIALLY_FULFILLED": "Teilweise erfüllt",
    "status.other": "Sonstiges",
    "order.cancelled": "storniert",
    "error.title": "Etwas ist schiefgelaufen",
    "login.heading": "Anmelden",
    "login.shop": "Shop-Domain",
    "login.submit": "Anmelden",
  },
} as const;

export type Locale = keyof typeof messages;
export type MessageKey = keyof (typeof messages)["en"];
