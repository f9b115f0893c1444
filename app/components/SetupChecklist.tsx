import { Link } from "@remix-run/react";
import { Badge, BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import { type Locale, translator } from "~/i18n";
import { translateDynamic } from "~/i18n/keys";

/** "Before the first batch": each set-up step, done or with a link to where it is done. */
export function SetupChecklist({
  checks,
  locale,
}: {
  checks: ReadonlyArray<{ id: string; href: string; done: boolean }>;
  locale: Locale;
}) {
  const t = translator(locale);
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("setup.heading")}
        </Text>
        <ul id="setup-checklist" style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {checks.map((check) => (
            <li key={check.id} data-check={check.id} data-done={String(check.done)}>
              <InlineStack gap="200" blockAlign="center">
                <Badge tone={check.done ? "success" : "attention"}>
                  {check.done ? t("setup.done") : t("setup.todo")}
                </Badge>
                {check.done ? (
                  <Text as="span">{translateDynamic(locale, `setup.check.${check.id}`)}</Text>
                ) : (
                  <Link to={check.href}>{translateDynamic(locale, `setup.check.${check.id}`)}</Link>
                )}
              </InlineStack>
            </li>
          ))}
        </ul>
      </BlockStack>
    </Card>
  );
}
