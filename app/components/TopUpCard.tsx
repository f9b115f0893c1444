import { Form, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, DataTable, InlineStack, Text, TextField } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { type Locale, type MessageKey, translator } from "~/i18n";
import { MIN_TOP_UP_CENTS, parseEuroAmount, suggestedTopUpCents } from "~/topup/model";
import type { TopUpResultJson, TopUpRowJson } from "~/topup/page.server";
import { formatDateTime, formatEuro } from "./format";

const asInput = (cents: number, locale: Locale) =>
  (cents / 100).toFixed(2).replace(".", locale === "de" ? "," : ".");

/**
 * Topping up the Portokasse: an amount (the minimum, or what a stopped batch is missing), then a
 * confirmation that names the amount and the SEPA direct debit, then the new balance. `hidden` adds form
 * fields (e.g. the intent of the page the card sits on).
 */
export function TopUpCard(props: {
  locale: Locale;
  username: string;
  missingCents: number | null;
  result: TopUpResultJson | null;
  topUps: TopUpRowJson[];
  hidden?: Record<string, string>;
}) {
  const { locale, result } = props;
  const t = translator(locale);
  const busy = useNavigation().state !== "idle";
  const [amount, setAmount] = useState(asInput(suggestedTopUpCents(props.missingCents), locale));
  const [confirming, setConfirming] = useState(false);
  useEffect(() => setConfirming(false), [result]);
  const cents = parseEuroAmount(amount);
  const minimum = formatEuro(MIN_TOP_UP_CENTS, locale);
  const localProblem =
    cents === null
      ? t("topup.problem.invalid-amount")
      : cents < MIN_TOP_UP_CENTS
        ? t("topup.problem.below-minimum", { minimum })
        : null;
  const hidden = Object.entries(props.hidden ?? {}).map(([name, value]) => (
    <input key={name} type="hidden" name={name} value={value} />
  ));

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("topup.title")}
        </Text>
        <Text as="p">{t("topup.intro", { minimum })}</Text>
        {props.missingCents !== null && props.missingCents > 0 ? (
          <Text as="p">{t("topup.shortfall", { missing: formatEuro(props.missingCents, locale) })}</Text>
        ) : null}
        {result ? <TopUpResultBanner result={result} locale={locale} /> : null}
        {result && !result.ok && (result.problem === "unclear" || result.problem === "pending") ? (
          <Form method="post">
            {hidden}
            <input type="hidden" name="_action" value="top-up-check" />
            <Button submit loading={busy}>
              {t("topup.check")}
            </Button>
          </Form>
        ) : null}
        {confirming && cents !== null ? (
          <Form method="post">
            {hidden}
            <input type="hidden" name="_action" value="top-up" />
            <input type="hidden" name="amount" value={asInput(cents, "en")} />
            <BlockStack gap="200">
              <Text as="h3" variant="headingSm">
                {t("topup.confirm.title", { amount: formatEuro(cents, locale) })}
              </Text>
              <p id="topup-confirm-text">
                {t("topup.confirm.text", { amount: formatEuro(cents, locale), username: props.username })}
              </p>
              <InlineStack gap="200">
                <Button submit variant="primary" loading={busy}>
                  {t("topup.confirm.button", { amount: formatEuro(cents, locale) })}
                </Button>
                <Button onClick={() => setConfirming(false)}>{t("topup.cancel")}</Button>
              </InlineStack>
            </BlockStack>
          </Form>
        ) : (
          <InlineStack gap="200" blockAlign="end">
            <TextField
              label={t("topup.amount")}
              name="amount"
              value={amount}
              onChange={setAmount}
              autoComplete="off"
              helpText={t("topup.amount.help", { minimum })}
              error={amount !== "" && localProblem ? localProblem : undefined}
            />
            <Button onClick={() => setConfirming(true)} disabled={localProblem !== null}>
              {t("topup.review")}
            </Button>
          </InlineStack>
        )}
        {props.topUps.length > 0 ? (
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              {t("topup.history")}
            </Text>
            <DataTable
              columnContentTypes={["text", "numeric", "text"]}
              headings={[t("topup.col.date"), t("topup.amount"), t("topup.col.state")]}
              rows={props.topUps.map((row) => [
                formatDateTime(row.createdAt, locale),
                formatEuro(row.amountCents, locale),
                t(`topup.state.${row.state}` as MessageKey),
              ])}
            />
          </BlockStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}

function TopUpResultBanner({ result, locale }: { result: TopUpResultJson; locale: Locale }) {
  const t = translator(locale);
  if (result.ok) {
    const words = {
      amount: formatEuro(result.amountCents, locale),
      balance: formatEuro(result.balanceCents, locale),
    };
    return (
      <Banner tone="success">
        <p id="topup-result" data-ok="yes">
          {t(result.reconciled ? "topup.reconciled" : "topup.done", words)}
        </p>
      </Banner>
    );
  }
  const words = {
    amount: formatEuro(result.amountCents, locale),
    minimum: formatEuro(MIN_TOP_UP_CENTS, locale),
    date: formatDateTime(result.since, locale),
    code: result.code ?? "",
  };
  return (
    <Banner tone={result.problem === "unclear" || result.problem === "pending" ? "warning" : "critical"}>
      <p id="topup-result" data-ok="no" data-problem={result.problem}>
        {t(`topup.problem.${result.problem}`, words)}
      </p>
    </Banner>
  );
}
