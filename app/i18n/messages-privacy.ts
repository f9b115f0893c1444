/** Words of the reconciliation sweep on the batches page (issue 11) in English and German. */
export const privacyMessages = {
  en: {
    "sweep.heading": "Check unbought carts again",
    "sweep.help":
      "Once a day the app asks Deutsche Post again about carts of the last 14 days that were recorded as not bought. This check never buys anything.",
    "sweep.run": "Check now",
    "sweep.none": "Deutsche Post has no stamps for carts recorded as not bought.",
    "sweep.found.one":
      "Deutsche Post has 1 stamp that was recorded as not bought. It is now recorded; please look at the flagged order.",
    "sweep.found.other":
      "Deutsche Post has {count} stamps that were recorded as not bought. They are now recorded; please look at the flagged orders.",
  },
  de: {
    "sweep.heading": "Nicht gekaufte Warenkörbe erneut prüfen",
    "sweep.help":
      "Einmal am Tag fragt die App bei der Deutschen Post erneut nach Warenkörben der letzten 14 Tage, die als nicht gekauft gelten. Bei dieser Prüfung wird nie etwas gekauft.",
    "sweep.run": "Jetzt prüfen",
    "sweep.none": "Die Deutsche Post hat keine Marken zu Warenkörben, die als nicht gekauft gelten.",
    "sweep.found.one":
      "Die Deutsche Post hat 1 Marke, die als nicht gekauft galt. Sie ist jetzt erfasst; bitte sehen Sie sich die markierte Bestellung an.",
    "sweep.found.other":
      "Die Deutsche Post hat {count} Marken, die als nicht gekauft galten. Sie sind jetzt erfasst; bitte sehen Sie sich die markierten Bestellungen an.",
  },
} as const;
