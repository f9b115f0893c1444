/**
 * Words of the product choice's edges (issue 16, issue 13 item 4) in English and German: exact weights, the
 * packaging chosen by fit, the customs form, substituted services, the service the customer paid for, refused
 * countries; and the settings that govern them. Filled by app/i18n/mapping-text.ts, which formats the numbers
 * ("20,0 g", "2.001 g") and picks the plural form (`.one` / `.other`) before filling.
 */
export const mappingMessages = {
  en: {
    "mapping.exactWeight": "Weight {exact} ({items} goods + {tare} packaging), charged as {charged}",
    "mapping.packagingChosen":
      "Packaging: {packaging}, the smallest that holds {goods} of goods (up to {capacity})",
    "mapping.customs.value-up-to-limit":
      "Customs declaration {form}: goods leave the EU customs and VAT area ({place}); value {value}, up to 300 SDR ({limit})",
    "mapping.customs.value-above-limit":
      "Customs declaration {form}: goods leave the EU customs and VAT area ({place}); value {value}, above 300 SDR ({limit})",
    "mapping.customs.value-not-in-eur":
      "Customs declaration {form}: goods leave the EU customs and VAT area ({place}); the order value in {currency} cannot be compared with 300 SDR ({limit}), and CN 23 is accepted for any value",
    "mapping.customs.value-unknown":
      "Customs declaration {form}: goods leave the EU customs and VAT area ({place}); the order value is unknown, and CN 23 is accepted for any value",
    "mapping.customsNotNeeded":
      "No customs declaration: {place} is inside the EU customs and VAT area for goods",
    "mapping.serviceSubstituted": "{service} does not exist for letters to {country}: sent as {substitute}",
    "mapping.paidServiceMissing":
      "The customer paid for {service} (shipping method “{method}”), but {product} does not include it",
    "mapping.service.EINSCHREIBEN_EINWURF": "Einschreiben Einwurf",
    "mapping.service.EINSCHREIBEN": "Einschreiben",
    "mapping.service.EINSCHREIBEN_RUECKSCHEIN": "Einschreiben Rückschein",
    "mapping.territory.heligoland": "Heligoland",
    "mapping.territory.buesingen": "Büsingen am Hochrhein",
    "mapping.territory.ceuta": "Ceuta",
    "mapping.territory.melilla": "Melilla",
    "mapping.territory.canary-islands": "Canary Islands",
    "mapping.territory.livigno": "Livigno",
    "mapping.territory.campione": "Campione d’Italia",
    "mapping.territory.mount-athos": "Mount Athos",
    "mapping.territory.aland": "Åland Islands",
    "mapping.territory.french-overseas": "French overseas territory",
    "mapping.territory.northern-ireland": "Northern Ireland",
    "reason.service-unavailable":
      "{service} does not exist for letters to {country}; the rule says to leave the order out instead of sending it as {substitute}.",
    "reason.no-packaging-fits.one":
      "Your only packaging does not hold {goods} of goods (it takes up to {capacity}): add a larger packaging or a packaging rule.",
    "reason.no-packaging-fits.other":
      "None of your {count} packagings holds {goods} of goods (the largest takes up to {capacity}): add a larger packaging or a packaging rule.",
    "reason.country-unknown-region":
      "The shipping address names Shopify’s “unknown region” ({code}) instead of a country: correct the address.",
    "reason.country-shopify-only":
      "{code} is a Shopify code, not an ISO country code: Deutsche Post addresses it as {useInstead} ({name}). Correct the address.",
    "reason.country-not-iso": "{code} is not an ISO 3166 country code Deutsche Post can address a letter to.",
    "reason.country-no-postal-service": "Deutsche Post has no letter service to {country} ({code}).",
    "preview.error.service-unavailable": "Service not available",
    "preview.error.no-packaging-fits": "No packaging fits",
    "preview.flag.einwurf-unavailable-abroad": "no Einwurf abroad: Einschreiben instead",
    "preview.flag.paid-service-missing": "customer paid for a service this stamp lacks",
    "rules.orderValueAboveIn": "Order value above ({currency})",
    "rules.whenUnavailable": "Where the service does not exist",
    "rules.whenUnavailable.substitute": "Send as Einschreiben (flagged)",
    "rules.whenUnavailable.leave-out": "Leave the order out",
    "rules.fromShippingMethod": "Einschreiben for shipping methods named like it",
    "rules.fromShippingMethod.help":
      "A shipping method whose name contains “Einschreiben”, “Einwurf”, “Rückschein” or “registered” gets that service, unless one of the rules above applies.",
    "rules.currency.help":
      "Amounts in your shop’s currency ({currency}), compared with the order total in that currency.",
    "packaging.maxContentG": "Holds up to (g)",
    "packaging.maxContentG.help": "Empty: what its thickness allows as a letter, minus its own weight.",
    "packaging.choice": "Packaging for orders without a packaging rule",
    "packaging.choice.smallest-fitting": "The smallest packaging that holds the goods",
    "packaging.choice.default": "Always the default packaging",
  },
  de: {
    "mapping.exactWeight": "Gewicht {exact} ({items} Ware + {tare} Verpackung), berechnet als {charged}",
    "mapping.packagingChosen":
      "Verpackung: {packaging}, die kleinste, die {goods} Ware fasst (bis {capacity})",
    "mapping.customs.value-up-to-limit":
      "Zollinhaltserklärung {form}: Die Ware verlässt das Zoll- und Mehrwertsteuergebiet der EU ({place}); Warenwert {value}, bis 300 SZR ({limit})",
    "mapping.customs.value-above-limit":
      "Zollinhaltserklärung {form}: Die Ware verlässt das Zoll- und Mehrwertsteuergebiet der EU ({place}); Warenwert {value}, über 300 SZR ({limit})",
    "mapping.customs.value-not-in-eur":
      "Zollinhaltserklärung {form}: Die Ware verlässt das Zoll- und Mehrwertsteuergebiet der EU ({place}); der Bestellwert in {currency} lässt sich nicht mit 300 SZR ({limit}) vergleichen, und CN 23 gilt für jeden Wert",
    "mapping.customs.value-unknown":
      "Zollinhaltserklärung {form}: Die Ware verlässt das Zoll- und Mehrwertsteuergebiet der EU ({place}); der Bestellwert ist unbekannt, und CN 23 gilt für jeden Wert",
    "mapping.customsNotNeeded":
      "Keine Zollinhaltserklärung: {place} gehört für Waren zum Zoll- und Mehrwertsteuergebiet der EU",
    "mapping.serviceSubstituted":
      "{service} gibt es für Briefe nach {country} nicht: versendet als {substitute}",
    "mapping.paidServiceMissing":
      "Der Kunde hat {service} bezahlt (Versandart „{method}“), aber {product} enthält es nicht",
    "mapping.service.EINSCHREIBEN_EINWURF": "Einschreiben Einwurf",
    "mapping.service.EINSCHREIBEN": "Einschreiben",
    "mapping.service.EINSCHREIBEN_RUECKSCHEIN": "Einschreiben Rückschein",
    "mapping.territory.heligoland": "Helgoland",
    "mapping.territory.buesingen": "Büsingen am Hochrhein",
    "mapping.territory.ceuta": "Ceuta",
    "mapping.territory.melilla": "Melilla",
    "mapping.territory.canary-islands": "Kanarische Inseln",
    "mapping.territory.livigno": "Livigno",
    "mapping.territory.campione": "Campione d’Italia",
    "mapping.territory.mount-athos": "Berg Athos",
    "mapping.territory.aland": "Ålandinseln",
    "mapping.territory.french-overseas": "französisches Überseegebiet",
    "mapping.territory.northern-ireland": "Nordirland",
    "reason.service-unavailable":
      "{service} gibt es für Briefe nach {country} nicht; laut Regel bleibt die Bestellung liegen, statt als {substitute} zu gehen.",
    "reason.no-packaging-fits.one":
      "Ihre einzige Verpackung fasst {goods} Ware nicht (sie fasst bis {capacity}): Legen Sie eine größere Verpackung oder eine Verpackungsregel an.",
    "reason.no-packaging-fits.other":
      "Keine Ihrer {count} Verpackungen fasst {goods} Ware (die größte bis {capacity}): Legen Sie eine größere Verpackung oder eine Verpackungsregel an.",
    "reason.country-unknown-region":
      "Die Lieferadresse nennt Shopifys „unbekannte Region“ ({code}) statt eines Landes: Bitte korrigieren Sie die Adresse.",
    "reason.country-shopify-only":
      "{code} ist ein Shopify-Code, kein ISO-Ländercode: Die Deutsche Post führt das Ziel als {useInstead} ({name}). Bitte korrigieren Sie die Adresse.",
    "reason.country-not-iso":
      "{code} ist kein ISO-3166-Ländercode, an den die Deutsche Post Briefe adressieren kann.",
    "reason.country-no-postal-service": "Die Deutsche Post hat keinen Briefdienst nach {country} ({code}).",
    "preview.error.service-unavailable": "Leistung nicht verfügbar",
    "preview.error.no-packaging-fits": "Keine Verpackung passt",
    "preview.flag.einwurf-unavailable-abroad": "kein Einwurf ins Ausland: stattdessen Einschreiben",
    "preview.flag.paid-service-missing": "Kunde hat eine Leistung bezahlt, die diese Marke nicht hat",
    "rules.orderValueAboveIn": "Bestellwert über ({currency})",
    "rules.whenUnavailable": "Wo es die Leistung nicht gibt",
    "rules.whenUnavailable.substitute": "Als Einschreiben senden (markiert)",
    "rules.whenUnavailable.leave-out": "Bestellung liegen lassen",
    "rules.fromShippingMethod": "Einschreiben für Versandarten, die so heißen",
    "rules.fromShippingMethod.help":
      "Eine Versandart, deren Name „Einschreiben“, „Einwurf“, „Rückschein“ oder „registered“ enthält, bekommt diese Leistung, sofern keine der Regeln oben greift.",
    "rules.currency.help":
      "Beträge in der Währung Ihres Shops ({currency}), verglichen mit dem Bestellwert in dieser Währung.",
    "packaging.maxContentG": "Fasst bis (g)",
    "packaging.maxContentG.help": "Leer: was ihre Dicke als Brief erlaubt, abzüglich ihres eigenen Gewichts.",
    "packaging.choice": "Verpackung für Bestellungen ohne Verpackungsregel",
    "packaging.choice.smallest-fitting": "Die kleinste Verpackung, die die Ware fasst",
    "packaging.choice.default": "Immer die Standardverpackung",
  },
} as const;
