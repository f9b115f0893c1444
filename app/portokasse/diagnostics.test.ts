import { describe, expect, it } from "vitest";
import {
  AccountLockedError,
  AppNotApprovedError,
  InvalidCredentialsError,
  MAX_PASSWORD_LENGTH,
  NetworkError,
  ServerError,
} from "~/internetmarke";
import { messages } from "~/i18n/messages";
import { checkCredentials, diagnose, PORTOKASSE_PROBLEMS } from "./diagnostics";
import { PORTOKASSE_PASSWORD_MAX } from "./limits";

const details = { operation: "login" };

describe("Portokasse diagnostics", () => {
  it("maps each client error to the merchant's problem", () => {
    expect(diagnose(new AppNotApprovedError("x", details))).toBe("app-not-approved");
    expect(diagnose(new AccountLockedError("x", details))).toBe("account-locked");
    expect(
      diagnose(new InvalidCredentialsError("x", { ...details, detail: "Invalid username or password." })),
    ).toBe("wrong-password");
    expect(
      diagnose(new InvalidCredentialsError("x", { ...details, detail: "Invalid client credentials." })),
    ).toBe("app-credentials");
    expect(diagnose(new ServerError("x", details))).toBe("unavailable");
    expect(diagnose(new NetworkError("x", details))).toBe("unavailable");
    expect(diagnose(new Error("?"))).toBe("unexpected");
  });

  it("checks the password length before anything is sent, with the client's limit", () => {
    expect(PORTOKASSE_PASSWORD_MAX).toBe(MAX_PASSWORD_LENGTH);
    expect(checkCredentials("u", "x".repeat(22))).toBeNull();
    expect(checkCredentials("u", "x".repeat(23))).toBe("password-too-long");
    expect(checkCredentials(" ", "pw")).toBe("missing-credentials");
  });

  it("has a message in English and German for every problem", () => {
    for (const problem of PORTOKASSE_PROBLEMS) {
      expect(messages.en).toHaveProperty([`portokasse.problem.${problem}`]);
      expect(messages.de).toHaveProperty([`portokasse.problem.${problem}`]);
    }
    expect(messages.de["portokasse.problem.app-not-approved"]).toContain(
      "„Meine Daten“ → „Geschäftsanwendungen“",
    );
    expect(messages.en["portokasse.problem.app-not-approved"]).toContain("business applications");
  });
});
