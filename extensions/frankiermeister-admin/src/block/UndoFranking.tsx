import { useState } from "preact/hooks";
import { AppError, undoFranking, type UndoOutcome } from "../api";
import { AppErrorBanner } from "../components/AppErrorBanner";
import { t } from "../i18n";

type Step =
  | { name: "idle" }
  | { name: "confirm" }
  | { name: "sending" }
  | { name: "done"; outcome: UndoOutcome | null }
  | { name: "failed"; error: AppError };

/**
 * "Frankierung stornieren" in the order block: a confirmation first (the stamp becomes invalid), then
 * POST /api/undo; the app's sentence says what happened (undone, refused and why, or to try again).
 */
export function UndoFranking({ orderId }: { orderId: string }) {
  const [step, setStep] = useState<Step>({ name: "idle" });
  const send = async () => {
    setStep({ name: "sending" });
    try {
      const outcomes = await undoFranking([orderId], t("common.language"));
      setStep({ name: "done", outcome: outcomes.find((o) => o.orderId === orderId) ?? null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      setStep({ name: "failed", error });
    }
  };
  if (step.name === "done") {
    const ok = step.outcome?.result === "undone" || step.outcome?.result === "already_undone";
    return <s-banner tone={ok ? "success" : "warning"}>{step.outcome?.message ?? ""}</s-banner>;
  }
  if (step.name === "failed") return <AppErrorBanner error={step.error} onRetry={send} />;
  if (step.name === "idle") {
    return (
      <s-button tone="critical" onClick={() => setStep({ name: "confirm" })}>
        {t("block.undo")}
      </s-button>
    );
  }
  return (
    <s-stack direction="block" gap="small">
      <s-text>{t("block.undoConfirm")}</s-text>
      <s-stack direction="inline" gap="small">
        <s-button tone="critical" variant="primary" loading={step.name === "sending"} onClick={send}>
          {t("block.undoYes")}
        </s-button>
        <s-button onClick={() => setStep({ name: "idle" })}>{t("block.undoCancel")}</s-button>
      </s-stack>
    </s-stack>
  );
}
