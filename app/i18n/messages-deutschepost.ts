/**
 * Words about Deutsche Post itself: the login diagnosis from the spec's generic answer, topping up the
 * Portokasse, the INTERNETMARKE terms, Deutsche Post's availability and changed prices.
 */
export const deutschePostMessages = {
  en: {
    "portokasse.problem.login-refused":
      "Deutsche Post refused the login without saying why. Either the username or password is wrong, or Frankiermeister is not yet approved in your Portokasse (Portokasse web portal → “My details” (Meine Daten) → “business applications” (Geschäftsanwendungen)); a locked account is answered the same way. Please do not simply try again: after three failed logins Deutsche Post locks the account. First log in to the Portokasse web portal (portokasse.deutschepost.de) with the same password and check the approval there, then enter the password here once.",
    "portokasse.problem.login-refused.short":
      "Login refused: wrong password or app not approved in the Portokasse. Check both in the Portokasse web portal before trying again (three failures lock the account).",
    "topup.title": "Top up the Portokasse",
    "topup.intro":
      "Deutsche Post collects the amount by SEPA direct debit from the bank account of the mandate stored in your Portokasse and credits it at once. At least {minimum}.",
    "topup.amount": "Amount in euros",
    "topup.amount.help": "At least {minimum}, whole cents.",
    "topup.shortfall": "{missing} are missing for the stopped batch.",
    "topup.review": "Continue",
    "topup.confirm.title": "Top up {amount}?",
    "topup.confirm.text":
      "Deutsche Post will collect {amount} by SEPA direct debit from the bank account of your Portokasse mandate and credit it to the Portokasse {username}.",
    "topup.confirm.button": "Top up {amount} by direct debit",
    "topup.cancel": "Cancel",
    "topup.done": "{amount} were added. New balance: {balance}.",
    "topup.reconciled":
      "The connection broke off after sending, but the Portokasse balance shows that {amount} were added. New balance: {balance}. Nothing was sent twice.",
    "topup.problem.below-minimum": "Please enter at least {minimum}.",
    "topup.problem.invalid-amount": "Please enter an amount in euros, e.g. 25,00.",
    "topup.problem.no-mandate":
      "Deutsche Post refused the top-up: this Portokasse has no SEPA direct-debit mandate that may be used for it. Set up a mandate in the Portokasse web portal, or top up there.",
    "topup.problem.quota-exceeded":
      "Deutsche Post refused the top-up: the limit for top-ups of this Portokasse is reached. Try a smaller amount or top up later; nothing was collected.",
    "topup.problem.amount-invalid":
      "Deutsche Post refused this amount as invalid. Nothing was collected; please enter a smaller amount.",
    "topup.problem.wallet-not-found":
      "Deutsche Post found no Portokasse wallet for this account. Please check the account in the Portokasse web portal.",
    "topup.problem.unclear":
      "The answer to the top-up of {amount} was lost and the balance does not show yet whether it was booked. It will not be sent again. Check the balance again in a few minutes; the app then settles it.",
    "topup.problem.not-booked":
      "The top-up of {amount} was not booked: the Portokasse balance is unchanged. Nothing was collected; you can top up again.",
    "topup.problem.pending":
      "A top-up of {amount} from {date} is still unclear. Check it first; the app never sends a top-up twice.",
    "topup.problem.not-linked": "Link a Portokasse first.",
    "topup.problem.login": "The Portokasse login does not work; see the message above.",
    "topup.problem.unavailable":
      "Deutsche Post did not answer; nothing was sent. Please try again in a few minutes.",
    "topup.problem.unexpected": "Deutsche Post refused the top-up ({code}). Nothing was collected.",
    "topup.check": "Check balance again",
    "topup.history": "Recent top-ups",
    "topup.state.SENT": "unclear, being checked",
    "topup.state.DONE": "booked",
    "topup.state.REFUSED": "refused",
    "topup.state.NOT_BOOKED": "not booked",
    "topup.fromBatch": "Top up the Portokasse",
    "topup.resume": "Buy the remaining orders now",
    "topup.resumed": "A new batch with the remaining orders was started.",
    "frank.problem.nothing_to_resume": "This batch has no orders left to buy.",
    "topup.col.date": "Date",
    "topup.col.state": "State",
    "terms.title": "INTERNETMARKE terms",
    "terms.intro":
      "Stamps are bought from Deutsche Post AG under its General Terms and Conditions for the INTERNETMARKE. Before the first purchase, please read and accept them here.",
    "terms.document":
      "General Terms and Conditions of Deutsche Post AG for the INTERNETMARKE (version {version})",
    "terms.checkbox":
      "I have read the General Terms and Conditions for the INTERNETMARKE and accept them for {shop}.",
    "terms.accept": "Accept",
    "terms.accepted": "Accepted on {date} by {who} (version {version}).",
    "terms.notAccepted": "Not accepted yet. Until then no stamps can be bought.",
    "terms.mustTick": "Please confirm that you accept the terms.",
    "terms.required":
      "Stamps can only be bought after you have accepted Deutsche Post's General Terms and Conditions for the INTERNETMARKE.",
    "terms.open": "Open the INTERNETMARKE terms",
    "frank.problem.terms_not_accepted":
      "Accept Deutsche Post's INTERNETMARKE terms under Settings → INTERNETMARKE terms first.",
    "reason.terms_not_accepted": "The INTERNETMARKE terms are not accepted yet.",
    "availability.down": "Deutsche Post unreachable – buying paused",
    "availability.down.detail":
      "Last check: {date}. Batches continue on their own as soon as Deutsche Post answers again; nothing is lost and nothing is bought twice.",
    "availability.up": "Deutsche Post reachable (checked {date}).",
    "price.changed.title": "Deutsche Post's prices have changed",
    "price.changed.text":
      "The prices of this batch no longer match Deutsche Post's current price list. It costs {new} now instead of {old} and waits for your confirmation; nothing has been bought.",
    "price.changed.col.order": "Order",
    "price.changed.col.product": "Product",
    "price.changed.col.old": "Confirmed price",
    "price.changed.col.new": "New price",
    "price.changed.total": "Total",
    "price.changed.confirm": "Buy at the new prices ({amount})",
    "price.changed.confirmed": "Confirmed: the batch is bought at the new prices.",
    "batchStatus.AWAITING_PRICE_CONFIRMATION": "Waiting for your confirmation of the new prices",
    "settings.section.terms": "INTERNETMARKE terms",
    "settings.section.terms.help":
      "Deutsche Post's terms for the INTERNETMARKE: accept them before the first purchase.",
  },
  de: {
    "portokasse.problem.login-refused":
      "Die Deutsche Post hat die Anmeldung abgelehnt, ohne den Grund zu nennen. Entweder sind Benutzername oder Passwort falsch, oder Frankiermeister ist in Ihrer Portokasse noch nicht freigegeben (Portokasse-Webportal → „Meine Daten“ → „Geschäftsanwendungen“); ein gesperrtes Konto wird genauso beantwortet. Bitte nicht einfach noch einmal versuchen: Nach drei fehlgeschlagenen Anmeldungen sperrt die Deutsche Post das Konto. Melden Sie sich zuerst mit demselben Passwort im Portokasse-Webportal (portokasse.deutschepost.de) an und prüfen Sie dort die Freigabe; geben Sie das Passwort danach hier einmal ein.",
    "portokasse.problem.login-refused.short":
      "Anmeldung abgelehnt: falsches Passwort oder App in der Portokasse nicht freigegeben. Prüfen Sie beides im Portokasse-Webportal, bevor Sie es erneut eingeben (drei Fehlversuche sperren das Konto).",
    "topup.title": "Portokasse aufladen",
    "topup.intro":
      "Die Deutsche Post zieht den Betrag per SEPA-Lastschrift vom Konto des in Ihrer Portokasse hinterlegten Mandats ein und schreibt ihn sofort gut. Mindestens {minimum}.",
    "topup.amount": "Betrag in Euro",
    "topup.amount.help": "Mindestens {minimum}, auf den Cent genau.",
    "topup.shortfall": "Für den angehaltenen Stapel fehlen {missing}.",
    "topup.review": "Weiter",
    "topup.confirm.title": "{amount} aufladen?",
    "topup.confirm.text":
      "Die Deutsche Post zieht {amount} per SEPA-Lastschrift vom Konto Ihres Portokasse-Mandats ein und schreibt den Betrag der Portokasse {username} gut.",
    "topup.confirm.button": "{amount} per Lastschrift aufladen",
    "topup.cancel": "Abbrechen",
    "topup.done": "{amount} wurden gutgeschrieben. Neues Guthaben: {balance}.",
    "topup.reconciled":
      "Die Verbindung ist nach dem Senden abgebrochen, aber das Guthaben der Portokasse zeigt, dass {amount} gutgeschrieben wurden. Neues Guthaben: {balance}. Es wurde nichts doppelt gesendet.",
    "topup.problem.below-minimum": "Bitte mindestens {minimum} eingeben.",
    "topup.problem.invalid-amount": "Bitte einen Betrag in Euro eingeben, z. B. 25,00.",
    "topup.problem.no-mandate":
      "Die Deutsche Post hat die Aufladung abgelehnt: Für diese Portokasse gibt es kein SEPA-Lastschriftmandat, das dafür genutzt werden darf. Richten Sie im Portokasse-Webportal ein Mandat ein oder laden Sie dort auf.",
    "topup.problem.quota-exceeded":
      "Die Deutsche Post hat die Aufladung abgelehnt: Das Limit für Aufladungen dieser Portokasse ist erreicht. Versuchen Sie einen kleineren Betrag oder laden Sie später auf; es wurde nichts eingezogen.",
    "topup.problem.amount-invalid":
      "Die Deutsche Post hat diesen Betrag als ungültig abgelehnt. Es wurde nichts eingezogen; bitte geben Sie einen kleineren Betrag ein.",
    "topup.problem.wallet-not-found":
      "Die Deutsche Post hat zu diesem Konto keine Portokasse gefunden. Bitte prüfen Sie das Konto im Portokasse-Webportal.",
    "topup.problem.unclear":
      "Die Antwort auf die Aufladung über {amount} ist verloren gegangen, und das Guthaben zeigt noch nicht, ob sie gebucht wurde. Sie wird nicht noch einmal gesendet. Prüfen Sie das Guthaben in ein paar Minuten erneut; die App klärt die Aufladung dann.",
    "topup.problem.not-booked":
      "Die Aufladung über {amount} wurde nicht gebucht: Das Guthaben der Portokasse ist unverändert. Es wurde nichts eingezogen; Sie können erneut aufladen.",
    "topup.problem.pending":
      "Eine Aufladung über {amount} vom {date} ist noch ungeklärt. Prüfen Sie sie zuerst; die App sendet eine Aufladung nie zweimal.",
    "topup.problem.not-linked": "Bitte zuerst eine Portokasse verbinden.",
    "topup.problem.login": "Die Anmeldung an der Portokasse funktioniert nicht; siehe die Meldung oben.",
    "topup.problem.unavailable":
      "Die Deutsche Post hat nicht geantwortet; es wurde nichts gesendet. Bitte versuchen Sie es in ein paar Minuten erneut.",
    "topup.problem.unexpected":
      "Die Deutsche Post hat die Aufladung abgelehnt ({code}). Es wurde nichts eingezogen.",
    "topup.check": "Guthaben erneut prüfen",
    "topup.history": "Letzte Aufladungen",
    "topup.state.SENT": "ungeklärt, wird geprüft",
    "topup.state.DONE": "gebucht",
    "topup.state.REFUSED": "abgelehnt",
    "topup.state.NOT_BOOKED": "nicht gebucht",
    "topup.fromBatch": "Portokasse aufladen",
    "topup.resume": "Restliche Bestellungen jetzt kaufen",
    "topup.resumed": "Ein neuer Stapel mit den restlichen Bestellungen wurde gestartet.",
    "frank.problem.nothing_to_resume": "Dieser Stapel hat keine Bestellungen mehr zu kaufen.",
    "topup.col.date": "Datum",
    "topup.col.state": "Stand",
    "terms.title": "AGB INTERNETMARKE",
    "terms.intro":
      "Die Marken werden bei der Deutschen Post AG zu ihren Allgemeinen Geschäftsbedingungen für die INTERNETMARKE gekauft. Bitte lesen und akzeptieren Sie diese hier vor dem ersten Kauf.",
    "terms.document":
      "Allgemeine Geschäftsbedingungen der Deutschen Post AG für die INTERNETMARKE (Fassung {version})",
    "terms.checkbox":
      "Ich habe die Allgemeinen Geschäftsbedingungen für die INTERNETMARKE gelesen und akzeptiere sie für {shop}.",
    "terms.accept": "Akzeptieren",
    "terms.accepted": "Akzeptiert am {date} von {who} (Fassung {version}).",
    "terms.notAccepted": "Noch nicht akzeptiert. Bis dahin können keine Marken gekauft werden.",
    "terms.mustTick": "Bitte bestätigen Sie, dass Sie die AGB akzeptieren.",
    "terms.required":
      "Marken können erst gekauft werden, wenn Sie die Allgemeinen Geschäftsbedingungen der Deutschen Post für die INTERNETMARKE akzeptiert haben.",
    "terms.open": "AGB INTERNETMARKE öffnen",
    "frank.problem.terms_not_accepted":
      "Bitte zuerst unter Einstellungen → AGB INTERNETMARKE die Bedingungen der Deutschen Post akzeptieren.",
    "reason.terms_not_accepted": "Die AGB INTERNETMARKE sind noch nicht akzeptiert.",
    "availability.down": "Deutsche Post nicht erreichbar – Kauf pausiert",
    "availability.down.detail":
      "Letzte Prüfung: {date}. Die Stapel laufen von selbst weiter, sobald die Deutsche Post wieder antwortet; nichts geht verloren und nichts wird doppelt gekauft.",
    "availability.up": "Deutsche Post erreichbar (geprüft {date}).",
    "price.changed.title": "Die Preise der Deutschen Post haben sich geändert",
    "price.changed.text":
      "Die Preise dieses Stapels passen nicht mehr zur aktuellen Preisliste der Deutschen Post. Er kostet jetzt {new} statt {old} und wartet auf Ihre Bestätigung; es wurde nichts gekauft.",
    "price.changed.col.order": "Bestellung",
    "price.changed.col.product": "Produkt",
    "price.changed.col.old": "Bestätigter Preis",
    "price.changed.col.new": "Neuer Preis",
    "price.changed.total": "Summe",
    "price.changed.confirm": "Zu den neuen Preisen kaufen ({amount})",
    "price.changed.confirmed": "Bestätigt: Der Stapel wird zu den neuen Preisen gekauft.",
    "batchStatus.AWAITING_PRICE_CONFIRMATION": "Wartet auf Ihre Bestätigung der neuen Preise",
    "settings.section.terms": "AGB INTERNETMARKE",
    "settings.section.terms.help":
      "Die Bedingungen der Deutschen Post für die INTERNETMARKE: vor dem ersten Kauf akzeptieren.",
  },
} as const;
